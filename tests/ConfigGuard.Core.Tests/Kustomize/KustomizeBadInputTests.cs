using System.Diagnostics;
using System.Text;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>Hostile and broken kustomize input: a CG0012 (unreadable YAML), a CG0014 (kustomize would refuse it) or a note, with a location; never a crash, a hang or unbounded memory.</summary>
public class KustomizeBadInputTests
{
    [Fact]
    public void Invalid_yaml_is_CG0012_with_its_location()
    {
        var f = Assert.Single(Scan.Rule("CG0012", ("overlays/staging/kustomization.yaml", "resources:\n  - a.yaml\n namespace: [x\n")));
        Assert.True(f.Span.StartLine >= 2, f.ToString());
        Assert.Contains("invalid YAML", f.Message);
    }

    [Fact]
    public void Alias_bomb_stops_at_the_node_limit_quickly()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) sb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var watch = Stopwatch.StartNew();
        var f = Assert.Single(Scan.Rule("CG0012", ("overlays/staging/kustomization.yaml", sb.ToString())));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains("alias bomb", f.Message);
        Assert.True(f.Span.StartLine > 1);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack()
    {
        var text = "resources: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var f = Assert.Single(Scan.Rule("CG0012", ("overlays/staging/kustomization.yaml", text)));
        Assert.Contains("nested deeper", f.Message);
        var block = new StringBuilder();
        for (int i = 0; i < 10_000; i++) block.Append(new string(' ', i)).Append("k:\n");
        Assert.NotEmpty(Scan.Rule("CG0012", ("overlays/production/kustomization.yaml", block.ToString())));
    }

    [Fact]
    public void A_cycle_of_bases_is_CG0014_at_the_reference_that_closes_it()
    {
        var findings = Scan.Rule("CG0014",
            ("a/kustomization.yaml", "resources:\n  - ../b\n"),
            ("b/kustomization.yaml", "resources:\n  - ../a\n"));
        Assert.Contains(findings, f => f.Message.StartsWith("cycle:", StringComparison.Ordinal) && f.Span.StartLine == 2);
    }

    [Fact]
    public void A_self_reference_is_a_cycle()
    {
        Assert.Contains(Scan.Rule("CG0014", ("a/kustomization.yaml", "resources:\n  - .\n")), f => f.Message.StartsWith("cycle:", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_resource_env_file_and_patch_are_CG0014_at_their_entries()
    {
        var findings = Scan.Rule("CG0014", ("overlays/staging/kustomization.yaml",
            "resources:\n  - nope.yaml\nconfigMapGenerator:\n- name: c\n  envs: [gone.env]\npatches:\n- path: patch.yaml\n"));
        Assert.Equal(new[] { 2, 5, 7 }, findings.Select(f => f.Span.StartLine).OrderBy(l => l).ToArray());
    }

    [Fact]
    public void Remote_and_outside_references_are_notes_not_findings()
    {
        var engine = new Core.Engine.AnalysisEngine(Core.Catalog.RulePack.Default);
        var result = engine.Analyze(new[] { new Core.Model.SourceFile("k/kustomization.yaml", "resources:\n  - github.com/acme/x//base\n  - ../../etc\n") });
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "CG0012" or "CG0014");
        Assert.Equal(2, result.Notices.Count);
    }

    [Fact]
    public void A_diamond_of_many_bases_stays_bounded()
    {
        var files = new Dictionary<string, string>();
        // Two different folders on each level lead to the same next level: 2^30 paths without the bound. (A folder
        // listed twice in one kustomization is an error of its own and rendered once; see AmplificationTests.)
        for (int i = 0; i < 30; i++)
        {
            files[$"l{i}/kustomization.yaml"] = $"resources:\n  - ../a{i}\n  - ../b{i}\n";
            files[$"a{i}/kustomization.yaml"] = $"resources:\n  - ../l{i + 1}\n";
            files[$"b{i}/kustomization.yaml"] = $"resources:\n  - ../l{i + 1}\n";
        }
        files["l30/kustomization.yaml"] = "configMapGenerator:\n- name: c\n  literals: [A=1]\n";
        var watch = Stopwatch.StartNew();
        var build = KustomizeModel.Build(files, "l0/kustomization.yaml");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains(build.Problems, p => p.Message.Contains("more than") && p.IsNote);
    }
}
