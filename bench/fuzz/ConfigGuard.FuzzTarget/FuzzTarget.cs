using System.Text;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Checklist;
using ConfigGuard.Core.Comparison;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Fuzz;

/// <summary>
/// One fuzz input through a reader (.env, appsettings JSON or a kustomize tree), the engine, and every output writer
/// (text, json, sarif, github, junit, markdown; diff text/json; checklist text/markdown/json). Any exception is a bug:
/// bad input must become a CG0012 finding or a note. Shared by the afl harness (Program.cs) and the CI replay test
/// (tests/ConfigGuard.Cli.Tests/FuzzCorpusReplayTests.cs), so both run exactly the same code.
/// </summary>
/// <remarks>
/// Input layout: the first byte picks the reader (mod 3); the rest is UTF-8 text (invalid bytes become U+FFFD, as
/// the CLI's decoder does). For kustomize the text is split on lines "%%" into up to five files: the staging overlay's
/// kustomization.yaml, the base kustomization.yaml, a base resource (deploy.yaml), a base env file (app.env) and the
/// production overlay's kustomization.yaml. A missing part gets a small valid default so the renderer goes deep.
/// </remarks>
public static class FuzzTarget
{
    private static readonly string[] KustomizeNames =
    {
        "overlays/staging/kustomization.yaml",
        "base/kustomization.yaml",
        "base/deploy.yaml",
        "base/app.env",
        "overlays/production/kustomization.yaml",
    };

    private static readonly string[] KustomizeDefaults =
    {
        "resources:\n- ../../base\nnamespace: staging\n",
        "resources:\n- deploy.yaml\nconfigMapGenerator:\n- name: app\n  envs:\n  - app.env\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  DB_HOST: db.prod.internal\n",
        "API_KEY=sk_live_0123456789abcdefghijklmn\n",
        "resources:\n- ../../base\nnamespace: production\n",
    };

    public static IReadOnlyList<SourceFile> Sources(ReadOnlySpan<byte> input)
    {
        if (input.Length == 0) return Array.Empty<SourceFile>();
        int mode = input[0] % 3;
        var text = new UTF8Encoding(false, false).GetString(input[1..]);
        switch (mode)
        {
            case 0:
                return new[] { new SourceFile(".env.staging", text), new SourceFile(".env.production", text), new SourceFile(".env", "APP_ENV=base\n") };
            case 1:
                return new[] { new SourceFile("appsettings.Staging.json", text), new SourceFile("appsettings.Production.json", text), new SourceFile("appsettings.json", "{}") };
            default:
                var parts = text.Split("\n%%\n");
                var files = new List<SourceFile>();
                for (int i = 0; i < KustomizeNames.Length; i++)
                    files.Add(new SourceFile(KustomizeNames[i], i < parts.Length ? parts[i] : KustomizeDefaults[i]));
                return files;
        }
    }

    /// <summary>Runs one input end to end; throws whatever the code under test throws.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var sources = Sources(input);
        if (sources.Count == 0) return;
        var pack = RulePack.Default;
        var engine = new AnalysisEngine(pack);
        var byPath = sources.ToDictionary(s => s.Path, s => s.Text, StringComparer.Ordinal);
        var result = engine.Analyze(sources, p => byPath.TryGetValue(p, out var t) ? t : null);

        foreach (bool show in new[] { false, true })
        {
            var report = new ScanReport(result.Findings, result.Notices, sources.Count, result.Suppressed, pack, show);
            TextReporter.Write(report, new StringWriter(), color: true);
            GitHubReporter.Write(report, new StringWriter());
            MarkdownReporter.Write(report, new StringWriter());
            JsonReporter.Write(report, new MemoryStream());
            SarifReporter.Write(report, new MemoryStream(), "file:///repo/");
            JUnitReporter.Write(report, new MemoryStream(), Severity.Warning);
        }

        var sink = engine.CreateSink();
        var diffs = EnvironmentDiffBuilder.Build(result.Views, "staging", "production", pack, sink);
        DiffWriter.WriteText(diffs, "staging", "production", new StringWriter());
        DiffWriter.WriteJson(diffs, "staging", "production", new MemoryStream());

        var resources = pack.Keys.Resources;
        foreach (var target in new[] { EnvironmentClass.Staging, EnvironmentClass.Production })
        {
            var checklist = SafetyChecklist.Evaluate(result, target, pack, resources);
            ChecklistWriter.WriteText(checklist, new StringWriter(), color: false);
            ChecklistWriter.WriteMarkdown(checklist, new StringWriter());
            ChecklistWriter.WriteJson(checklist, new MemoryStream());
        }
    }
}
