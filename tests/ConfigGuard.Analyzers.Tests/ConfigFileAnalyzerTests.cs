using System.Collections.Immutable;
using System.Text;
using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// CG0xxx on AdditionalFiles: the compiler hands the analyzer (path, text) and the analyzer reports inside the config
/// file. Files live under a virtual /repo/ folder; ConfigGuardRoot arrives as a global option, as the package sets it.
/// </summary>
public class ConfigFileAnalyzerTests
{
    private const string Root = "/repo/";

    /// <summary>Runs the analyzer over files (repository-relative path, text) and returns "path(line,col): severity ID" lines.</summary>
    private static async Task<List<string>> RunAsync(IEnumerable<(string Path, string Text)> files, string? editorConfig = null, string? root = Root)
    {
        var configs = new List<(string, string)>();
        if (root is not null) configs.Add(("/.globalconfig", "is_global = true\nbuild_property.ConfigGuardRoot = " + root + "\n"));
        if (editorConfig is not null) configs.Add((Root + ".editorconfig", "root = true\n" + editorConfig));
        var options = new TestOptions(configs);
        var tree = CSharpSyntaxTree.ParseText("namespace App; public static class Empty { }", path: Root + "Empty.cs");
        var compilation = AnalyzerTest.CreateCompilation(new[] { tree }, options);
        var texts = files.Select(f => (AdditionalText)new InMemoryText(Root + f.Path, f.Text)).ToList();
        // As the package does: the .editorconfig above a config file is an AdditionalFile too.
        if (editorConfig is not null) texts.Add(new InMemoryText(Root + ".editorconfig", "root = true\n" + editorConfig));
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts.ToImmutableArray(), options.AnalyzerOptions), (e, _, _) => exceptions.Add(e), true, false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Select(d => (d, span: d.Location.GetLineSpan()))
            .OrderBy(x => x.span.Path, StringComparer.Ordinal).ThenBy(x => x.span.StartLinePosition).ThenBy(x => x.d.Id, StringComparer.Ordinal)
            .Select(x => $"{x.span.Path[Root.Length..]}({x.span.StartLinePosition.Line + 1},{x.span.StartLinePosition.Character + 1}): {x.d.Severity.ToString().ToLowerInvariant()} {x.d.Id}")
            .ToList();
    }

    private static IEnumerable<(string, string)> Sample(string name)
    {
        var dir = Path.Combine(RepoPaths.Samples, name);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal) && !f.EndsWith(".gitignore", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    /// <summary>Staging and production on one database (CG0005 at .env.staging:2), under ConfigGuardRoot /repo.</summary>
    private static (Compilation Compilation, AnalyzerOptions Options) SharedDatabase()
    {
        var files = new[]
        {
            (".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://shop@db.internal:5432/shop\n"),
            (".env.production", "APP_ENV=production\nDATABASE_URL=postgres://shop@db.internal:5432/shop\n"),
        };
        var configs = new TestOptions(new[] { ("/.globalconfig", "is_global = true\nbuild_property.ConfigGuardRoot = /repo\n") });
        var compilation = AnalyzerTest.CreateCompilation(new[] { CSharpSyntaxTree.ParseText("class C { }", path: Root + "C.cs") }, configs);
        var texts = files.Select(f => (AdditionalText)new InMemoryText(Root + f.Item1, f.Item2)).ToImmutableArray();
        return (compilation, new AnalyzerOptions(texts, configs.AnalyzerOptions));
    }

    [Fact]
    public async Task A_run_cancelled_under_one_request_is_not_handed_to_the_next()
    {
        // The IDE cancels analysis as the user types. The run over the config files is shared by every request for the
        // compilation: a cancelled one must not be kept, or the next request (not cancelled) gets its cancellation,
        // which the compiler reports as an analyzer crash (AD0001) instead of the findings.
        var (compilation, options) = SharedDatabase();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ConfigFileAnalyzer.Get(compilation, options, null, cancelled.Token));
        // The next request for the same compilation runs again and gets the findings.
        var run = ConfigFileAnalyzer.Get(compilation, options, null, CancellationToken.None);
        Assert.Single(run.DiagnosticsFor(Root + ".env.staging"), d => d.Id == "CG0005");

        // And through the compiler, end to end.
        var exceptions = new List<Exception>();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), true, false)).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Single(diagnostics, d => d.Id == "CG0005");
    }

    [Fact]
    public async Task Staging_leak_sample_reports_what_the_cli_reports_except_git_facts()
    {
        var actual = await RunAsync(Sample("staging-leak"));
        Assert.Equal(StagingLeakSample.ConfigFindings, actual);
    }

    [Fact]
    public async Task Clean_sample_reports_nothing()
    {
        Assert.Empty(await RunAsync(Sample("clean")));
    }

    [Fact]
    public async Task Message_span_and_related_location_are_the_engines()
    {
        var (compilation, options) = SharedDatabase();
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        var d = Assert.Single(diagnostics, x => x.Id == "CG0005");
        Assert.Equal(Root + ".env.staging", d.Location.GetLineSpan().Path);
        Assert.Contains("DATABASE_URL in staging uses postgres database 'shop' on db.internal:5432, which production also uses (.env.production:2)", d.GetMessage());
        var related = Assert.Single(d.AdditionalLocations);
        Assert.Equal(Root + ".env.production", related.GetLineSpan().Path);
        Assert.Equal(1, related.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("https://github.com/configguard/configguard/blob/main/docs/rules/CG0005.md", d.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Editorconfig_severity_applies_to_config_files_per_path()
    {
        var files = Sample("staging-leak").ToList();
        var actual = await RunAsync(files, """
            [*]
            dotnet_diagnostic.CG0001.severity = warning
            [.env.staging]
            dotnet_diagnostic.CG0003.severity = none
            dotnet_diagnostic.CG0010.severity = error
            [k8s/**]
            dotnet_diagnostic.CG0011.severity = suggestion
            """);
        Assert.Contains(".env.staging(2,19): warning CG0001", actual);
        Assert.Contains("appsettings.json(7,31): warning CG0001", actual);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml(19,27): warning CG0001", actual);
        Assert.DoesNotContain(actual, a => a.Contains("CG0003"));
        Assert.Contains(".env.staging(5,16): error CG0010", actual);
        Assert.Contains("appsettings.Staging.json(5,20): warning CG0010", actual);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml(4,12): info CG0011", actual);
    }

    [Fact]
    public void The_compiler_keeps_dotnet_diagnostic_keys_out_of_analyzer_options_which_is_why_editorconfig_is_an_additional_file()
    {
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse("root = true\n[*]\ndotnet_diagnostic.CG0001.severity = warning\n", Root + ".editorconfig")));
        var result = set.GetOptionsForSourcePath(Root + ".env.staging");
        Assert.False(result.AnalyzerOptions.ContainsKey("dotnet_diagnostic.cg0001.severity"));
        Assert.Equal(ReportDiagnostic.Warn, result.TreeOptions["CG0001"]);
    }

    [Fact]
    public async Task Configguard_yaml_among_additional_files_sets_severity_and_environments()
    {
        var files = new[]
        {
            ("configguard.yaml", "rules:\n  CG0003: none\nenvironments:\n  staging: [\"deploy/qa.env\"]\n"),
            ("deploy/qa.env", "STRIPE_SECRET_KEY=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\n"),
        };
        var actual = await RunAsync(files);
        Assert.Equal(new[] { "deploy/qa.env(1,19): error CG0001" }, actual);
    }

    [Fact]
    public async Task Invalid_configguard_yaml_is_CG0012_on_its_line_and_the_scan_goes_on()
    {
        var files = new[]
        {
            ("configguard.yaml", "# settings\nnot_a_key: 1\n"),
            (".env.staging", "APP_ENV=staging\nSTRIPE_SECRET_KEY=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\n"),
        };
        var actual = await RunAsync(files);
        Assert.Equal(new[] { ".env.staging(2,19): error CG0001", "configguard.yaml(2,1): error CG0012" }, actual);
    }

    [Fact]
    public async Task Without_ConfigGuardRoot_paths_are_relative_to_the_common_folder_so_overlay_folders_still_name_environments()
    {
        var files = Sample("staging-leak").Where(f => f.Item1.StartsWith("k8s/", StringComparison.Ordinal));
        var actual = await RunAsync(files, root: null);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml(4,12): error CG0011", actual);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml(19,27): error CG0001", actual);
    }

    [Fact]
    public async Task Yaml_that_no_kustomization_references_and_other_additional_files_are_ignored()
    {
        var files = new[]
        {
            (".github/workflows/ci.yml", "on: [push]\njobs: { build: { runs-on: ubuntu-latest } }\nSTRIPE=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\n"),
            ("docs/notes.txt", "STRIPE_SECRET_KEY=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\n"),
            (".env.staging", "APP_ENV=staging\n"),
        };
        Assert.Empty(await RunAsync(files));
    }

    [Fact]
    public async Task No_config_files_no_diagnostics()
    {
        Assert.Empty(await RunAsync(Array.Empty<(string, string)>()));
    }

    [Fact]
    public async Task Unparseable_file_is_CG0012_not_an_analyzer_crash()
    {
        var actual = await RunAsync(new[] { ("appsettings.Staging.json", "{ \"a\": [1, 2,\n  \"b\": }\n"), (".env.staging", "APP_ENV=staging\n\u0000\u0001garbage line without equals\n") });
        Assert.Contains(actual, a => a.StartsWith("appsettings.Staging.json(", StringComparison.Ordinal) && a.EndsWith("error CG0012", StringComparison.Ordinal));
    }
}
