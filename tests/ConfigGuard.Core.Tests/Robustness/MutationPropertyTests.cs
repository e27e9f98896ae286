using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Tests;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Core.Tests.Robustness;

/// <summary>
/// Property tests: valid files from the samples and the shared corpus, mutated (truncated, random characters,
/// unbalanced quotes and braces, NUL, CR/LF mixes, BOMs, long lines, tabs), must never make the engine throw or hang,
/// and every CG0012 must carry a location. Fixed seed and bounded count in CI; set CONFIGGUARD_PROPERTY_RUNS for a
/// longer local run (e.g. CONFIGGUARD_PROPERTY_RUNS=20000 dotnet test --filter MutationPropertyTests).
/// </summary>
public class MutationPropertyTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("CONFIGGUARD_PROPERTY_RUNS"), out var n) ? n : 250;

    private static readonly (string Name, string Text)[] Seeds = LoadSeeds();

    private static (string, string)[] LoadSeeds()
    {
        var files = new List<(string, string)>();
        foreach (var f in Directory.GetFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith(".env", StringComparison.Ordinal) || name.StartsWith("appsettings", StringComparison.Ordinal))
                files.Add((name, File.ReadAllText(f)));
        }
        // The corpus adds seeds when it is there; the samples alone still exercise every reader on a lone clone.
        var dotenv = Path.Combine(RepoPaths.Corpus, "dotenv");
        if (Directory.Exists(dotenv))
            foreach (var f in Directory.GetFiles(dotenv)) if (!f.EndsWith(".md", StringComparison.Ordinal)) files.Add((".env.staging", File.ReadAllText(f)));
        return files.ToArray();
    }

    private static readonly string[] Noise =
    {
        "\"", "'", "`", "{", "}", "[", "]", ",", ":", "=", "#", "//", "/*", "*/", "\0", "\r", "\n", "\r\n", "\t", "\uFEFF",
        "\uFFFD", "\\", "\\u12", "export ", "${", "sk_live_", "postgres://a:b@", new string('x', 5000), new string('[', 200),
    };

    private static Gen<string> Mutated() =>
        from seed in Gen.Elements(Seeds)
        from ops in Gen.Choose(0, 4).SelectMany(k => Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, 100_000), Gen.Elements(Noise))), k))
        select Apply(seed.Text, ops);

    private static string Apply(string text, (int Op, (int Pos, string Noise))[] ops)
    {
        foreach (var (op, (pos, noise)) in ops)
        {
            int at = text.Length == 0 ? 0 : pos % (text.Length + 1);
            text = op switch
            {
                0 => text[..at],                                     // truncate
                1 => text.Insert(at, noise),                         // insert
                2 => text.Length > at ? text.Remove(at, 1) : text,   // delete a character
                3 => text.Replace("\n", at % 2 == 0 ? "\r\n" : "\r"), // line-break mix
                4 => "\uFEFF" + text,                                // BOM
                _ => text.Insert(at, "\t" + noise + "\t"),
            };
        }
        return text;
    }

    [Theory]
    [InlineData(".env.staging")]
    [InlineData("appsettings.Staging.json")]
    [InlineData("appsettings.json")]
    public void Mutated_files_never_throw_or_hang_and_parse_errors_have_locations(string path)
    {
        var engine = new AnalysisEngine(RulePack.Default);
        var config = Config.QuickThrowOnFailure.WithMaxTest(Runs).WithReplay(20261121UL, 2654435761UL);
        Check.One(config, Prop.ForAll(Mutated().ToArbitrary(), text =>
        {
            var task = Task.Run(() => engine.Analyze(new[] { new SourceFile(path, text), new SourceFile("appsettings.Production.json", text) }));
            Assert.True(task.Wait(TimeSpan.FromSeconds(20)), "analysis did not finish in 20 s");
            foreach (var f in task.Result.Findings.Where(f => f.RuleId == "CG0012"))
            {
                Assert.True(f.Span.StartLine >= 1 && f.Span.StartColumn >= 1, f.ToString());
            }
        }));
    }

    /// <summary>Kustomize trees from the corpus and the samples, with one of their files mutated at a time.</summary>
    [Fact]
    public void Mutated_kustomize_trees_never_throw_or_hang()
    {
        var trees = new List<List<(string Path, string Text)>>();
        foreach (var root in new[] { Path.Combine(RepoPaths.Corpus, "kustomize"), Path.Combine(RepoPaths.Samples, "staging-leak", "k8s") })
        {
            if (!Directory.Exists(root)) continue;
            foreach (var tree in root.EndsWith("k8s") ? new[] { root } : Directory.GetDirectories(root))
            {
                trees.Add(Directory.GetFiles(tree, "*", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}expected{Path.DirectorySeparatorChar}"))
                    .Select(f => (Path.GetRelativePath(tree, f).Replace('\\', '/'), File.ReadAllText(f))).ToList());
            }
        }
        var engine = new AnalysisEngine(RulePack.Default);
        var gen = from tree in Gen.Elements(trees.ToArray())
                  from victim in Gen.Choose(0, 1000)
                  from ops in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, 100_000), Gen.Elements(Noise.Concat(YamlNoise).ToArray()))), 3)
                  select tree.Select((f, i) => i == victim % tree.Count ? (Path: f.Path, Text: Apply(f.Text, ops)) : f).ToList();
        var config = Config.QuickThrowOnFailure.WithMaxTest(Math.Max(50, Runs / 2)).WithReplay(20261122UL, 40503UL);
        Check.One(config, Prop.ForAll(gen.ToArbitrary(), files =>
        {
            var task = Task.Run(() => engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList()));
            Assert.True(task.Wait(TimeSpan.FromSeconds(20)), "analysis did not finish in 20 s");
            Assert.All(task.Result.Findings.Where(f => f.RuleId == "CG0012"), f => Assert.True(f.Span.StartLine >= 1, f.ToString()));
        }));
    }

    private static readonly string[] YamlNoise =
    {
        "&a [*a]", "*undefined", "- ../../", "resources:\n  - ../base\n", "  - ../../overlays/staging\n", "!!binary x", "? :", "{ a: [", "|\n  x",
        "bases:\n- .\n", "namespace: prod\n", "behavior: replace\n", "envs:\n- nope.env\n",
    };

    /// <summary>
    /// Regression: found by Mutated_kustomize_trees_never_throw_or_hang. YamlDotNet 16.3 throws InvalidOperationException
    /// (not YamlException) on this text; it used to escape the kustomize loader and configguard.yaml reading.
    /// </summary>
    [Fact]
    public void Yaml_that_crashes_the_yaml_reader_is_a_CG0012_not_an_exception()
    {
        const string crasher = "- ../../{ a: [|\n  x ";
        var result = new AnalysisEngine(RulePack.Default).Analyze(new[] { new SourceFile("k8s/overlays/staging/kustomization.yaml", "resources:\n" + crasher) });
        Assert.Contains(result.Findings, f => f.RuleId == "CG0012" && f.Path == "k8s/overlays/staging/kustomization.yaml");
        var e = Assert.Throws<YamlFormatException>(() => ConfigGuard.Core.Settings.SettingsParser.Parse(crasher, RulePack.Default));
        Assert.Contains("invalid YAML", e.Message);
    }

    [Fact]
    public void Deep_nesting_and_huge_lines_are_errors_not_stack_overflows()
    {
        var engine = new AnalysisEngine(RulePack.Default);
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var longLine = "KEY=" + new string('a', 2_000_000) + "\n";
        var result = engine.Analyze(new[]
        {
            new SourceFile("a/appsettings.json", deep),
            new SourceFile("b/appsettings.json", objects),
            new SourceFile("c/.env.staging", longLine),
        });
        Assert.Contains(result.Findings, f => f.RuleId == "CG0012" && f.Path == "a/appsettings.json");
        Assert.Contains(result.Findings, f => f.RuleId == "CG0012" && f.Path == "b/appsettings.json");
    }
}
