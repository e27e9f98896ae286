using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Kustomize as kubectl does it: no CG0014 where `kubectl kustomize` builds, a CG0014 at the entry where it refuses.
/// The engine assertions run everywhere; the kubectl comparison of the same trees is skipped without kubectl.
/// </summary>
public class KustomizeFidelityTests
{
    internal static List<Finding> BuildFindings(Dictionary<string, string> files)
    {
        var sources = files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key))).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => files.TryGetValue(p, out var t) ? t : null);
        return result.Findings.Where(f => f.RuleId is "CG0012" or "CG0014").ToList();
    }

    private static string[] Where(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    public static IEnumerable<object[]> Trees() => new[]
    {
        new object[] { "components", KustomizeFidelityFixtures.Components() },
        new object[] { "patches", KustomizeFidelityFixtures.Patches() },
        new object[] { "namespaces", KustomizeFidelityFixtures.Namespaces() },
        new object[] { "images", KustomizeFidelityFixtures.Images() },
        new object[] { "yaml", KustomizeFidelityFixtures.LenientYaml() },
    };

    [Fact]
    public void Yaml_that_kustomize_reads_is_read_with_the_same_values()
    {
        var files = KustomizeFidelityFixtures.LenientYaml();
        Assert.Equal(new[] { "CG0012 overlays/production/broken.yaml:6", "CG0012 overlays/qa/twice.yaml:5" }, Where(BuildFindings(files)));
        var staging = KustomizeModel.Build(files, "overlays/staging/kustomization.yaml");
        Assert.Equal("bakery-staging", staging.Resources.Single().Namespace);
        Assert.Contains(staging.Problems, p => p.IsNote && p.Message.Contains("keeps the last one"));
        var data = staging.Resources.Single().DataEntries().ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal("{{inputs.bucket}}/{{inputs.folder}}/sourdough.json", data["location"]);
        Assert.Equal("first line second line", data["note"]);
    }

    [KubectlTheory]
    [MemberData(nameof(Trees))]
    public void ConfigGuard_reports_a_build_problem_exactly_where_kubectl_fails(string name, Dictionary<string, string> files) =>
        KubectlAgreement.AssertAgrees(files, name);

    [Fact]
    public void A_component_is_built_through_the_overlay_that_includes_it_never_alone()
    {
        var findings = BuildFindings(KustomizeFidelityFixtures.Components());
        Assert.Equal(new[] { "CG0014 components/broken-sidecar/kustomization.yaml:4" }, Where(findings));
        Assert.Contains("matches no object", findings[0].Message);
    }

    [Fact]
    public void A_component_is_not_an_environment_of_its_own()
    {
        var files = KustomizeFidelityFixtures.Components();
        files["components/prod-tuning/kustomization.yaml"] = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nconfigMapGenerator:\n- name: tuning\n  literals:\n  - LOG_LEVEL=debug\n";
        var sources = files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key))).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => files.TryGetValue(p, out var t) ? t : null);
        Assert.DoesNotContain(result.Findings, f => f.Path.StartsWith("components/prod-tuning/", StringComparison.Ordinal) && f.RuleId is "CG0003" or "CG0007");
    }

    [Fact]
    public void Patches_kustomize_accepts_are_not_errors_and_those_it_refuses_are()
    {
        var findings = BuildFindings(KustomizeFidelityFixtures.Patches());
        Assert.Equal(new[] { "CG0014 overlays/production/kustomization.yaml:8", "CG0014 overlays/qa/kustomization.yaml:4" }, Where(findings));
    }

    [Fact]
    public void Json6902_follows_kustomize_on_missing_keys_negative_indices_and_pointers_without_a_slash()
    {
        var files = KustomizeFidelityFixtures.Patches();
        var build = KustomizeModel.Build(files, "overlays/staging/kustomization.yaml");
        Assert.DoesNotContain(build.Problems, p => p.IsFailure);
        Assert.Equal("oven-backend", build.Find("Service", "bakery")!.Tree.GetMap("metadata")!.GetMap("annotations")!.GetString("cloud.example.org/backend-config"));
        var d = build.Find("Deployment", "bakery")!;
        Assert.Equal("crumbs", d.Tree.GetMap("metadata")!.GetMap("annotations")!.GetString("pager"));
        Assert.Equal("2", d.Tree.GetMap("spec")!.GetString("replicas"));
        var env = d.Containers().Single().GetSequence("env")!.Items.OfType<YamlTreeMap>().Select(e => e.GetString("name")).ToArray();
        Assert.Equal(new[] { "OVEN_MODE", "FLOUR_TYPE" }, env);
    }

    [Fact]
    public void A_generator_in_another_namespace_is_another_object()
    {
        var findings = BuildFindings(KustomizeFidelityFixtures.Namespaces());
        Assert.Equal(new[] { "CG0014 overlays/production/kustomization.yaml:4", "CG0014 overlays/qa/kustomization.yaml:4" }, Where(findings));
        var staging = KustomizeModel.Build(KustomizeFidelityFixtures.Namespaces(), "overlays/staging/kustomization.yaml");
        var maps = staging.Resources.Where(r => r.Kind == "ConfigMap").Select(r => (r.Namespace ?? "", r.DataEntries().Count)).OrderBy(x => x.Item1).ToArray();
        Assert.Equal(new[] { ("", 1), ("payments", 2), ("payments-audit", 1) }, maps);
    }

    [Fact]
    public void A_missing_object_behind_a_remote_base_is_a_note_not_an_error()
    {
        var files = new Dictionary<string, string>
        {
            ["overlays/staging/kustomization.yaml"] = "resources:\n- https://github.com/example-org/bakery-manifests//deploy?ref=v3\npatches:\n- path: scale.yaml\n",
            ["overlays/staging/scale.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bakery\nspec:\n  replicas: 2\n",
            // Must flag: no remote base here, so the object really is missing.
            ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\npatches:\n- path: scale.yaml\n",
            ["overlays/production/scale.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bakery-oven\nspec:\n  replicas: 2\n",
            ["base/kustomization.yaml"] = "resources:\n- bakery.yaml\n",
            ["base/bakery.yaml"] = KustomizeFidelityFixtures.Deploy("bakery"),
        };
        Assert.Equal(new[] { "CG0014 overlays/production/kustomization.yaml:4" }, Where(BuildFindings(files)));
    }
}

/// <summary>An input the author could not have committed (a submodule not checked out, a git-ignored file) is a note; a plain missing file is CG0014, once.</summary>
public class KustomizeMissingInputTests
{
    private static (List<Finding> Build, List<string> Notes) Scan(Dictionary<string, string> files)
    {
        var sources = files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key))).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => files.TryGetValue(p, out var t) ? t : null);
        return (result.Findings.Where(f => f.RuleId is "CG0012" or "CG0014").ToList(), result.Notices.Select(n => n.Location + ": " + n.Message).ToList());
    }

    [Fact]
    public void A_resource_inside_a_submodule_that_is_not_checked_out_is_a_note()
    {
        var files = new Dictionary<string, string>
        {
            [".gitmodules"] = "[submodule \"vendor/oven-charts\"]\n\tpath = vendor/oven-charts\n\turl = https://git.example.org/bakery/oven-charts.git\n",
            ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../vendor/oven-charts/deploy\n- ../../vendor/oven-charts/extra.yaml\n",
            // Must flag: not in a submodule, simply missing.
            ["overlays/production/kustomization.yaml"] = "resources:\n- ../../vendor/oven-charts/deploy\n- ../../vendor-local/oven.yaml\n",
        };
        var (build, notes) = Scan(files);
        var f = Assert.Single(build);
        Assert.Equal(("CG0014", "overlays/production/kustomization.yaml", 3), (f.RuleId, f.Path, f.Span.StartLine));
        Assert.Contains(notes, n => n.StartsWith("overlays/staging/kustomization.yaml:2:", StringComparison.Ordinal) && n.Contains("git submodule 'vendor/oven-charts'"));
        Assert.Contains(notes, n => n.StartsWith("overlays/staging/kustomization.yaml:3:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_above_the_kustomizations_folder_is_a_note_not_an_error()
    {
        // kubectl's default load restrictor refuses it; Flux and Argo CD read it. The tree says not which one deploys.
        var files = new Dictionary<string, string>
        {
            ["k8s/base/till.yaml"] = KustomizeFidelityFixtures.Deploy("till"),
            ["k8s/base-app/kustomization.yaml"] = "resources:\n- ../base/till.yaml\n",
        };
        var (build, notes) = Scan(files);
        Assert.Empty(build);
        Assert.Contains(notes, n => n.StartsWith("k8s/base-app/kustomization.yaml:2:", StringComparison.Ordinal) && n.Contains("load-restrictor"));
    }

    [Fact]
    public void A_git_ignored_input_is_a_note_and_what_depends_on_it_is_not_reported_again()
    {
        var files = new Dictionary<string, string>
        {
            [".gitignore"] = "*.local.env\nrendered/\n",
            ["deploy/.gitignore"] = "secrets.env\n",
            ["deploy/overlays/staging/kustomization.yaml"] =
                "resources:\n- ../../rendered/staging\nsecretGenerator:\n- name: till-secrets\n  envs:\n  - secrets.env\n- name: till-extra\n  envs:\n  - extra.local.env\n" +
                "patches:\n- path: replicas.yaml\n",
            ["deploy/overlays/staging/replicas.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: till\nspec:\n  replicas: 1\n",
            // Must flag: 'base-extra' is not ignored, so its absence is a mistake; and only that one error (the merge that
            // may have needed it is not reported again).
            ["deploy/overlays/production/kustomization.yaml"] =
                "resources:\n- ../../base\n- ../../base-extra\nconfigMapGenerator:\n- name: till-settings\n  behavior: merge\n  literals:\n  - MODE=live\n",
            ["deploy/base/kustomization.yaml"] = "resources:\n- till.yaml\n",
            ["deploy/base/till.yaml"] = KustomizeFidelityFixtures.Deploy("till"),
        };
        var (build, notes) = Scan(files);
        Assert.Equal(new[] { "CG0014 deploy/overlays/production/kustomization.yaml:3" }, build.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}").ToArray());
        Assert.Contains(notes, n => n.Contains(".yaml:2:") && n.Contains("git-ignored"));
        Assert.Contains(notes, n => n.Contains(".yaml:6:") && n.Contains("git-ignored"));
        Assert.Contains(notes, n => n.Contains(".yaml:9:") && n.Contains("git-ignored"));
    }
}

/// <summary>`images:` and other string fields as kustomize reads them.</summary>
public class KustomizeImagesTests
{
    [Theory]
    [InlineData("newTag: 20241130", "images.newTag is a number")]
    [InlineData("newTag: 1.20", "images.newTag is a number")]
    [InlineData("newTag: yes", "images.newTag is a boolean")]
    [InlineData("digest: 0x1F", "images.digest is a number")]
    public void An_unquoted_number_or_boolean_where_kustomize_needs_a_string_is_CG0014(string field, string message)
    {
        var files = new Dictionary<string, string>
        {
            ["overlays/production/kustomization.yaml"] = $"resources:\n- ../../base\nimages:\n- name: registry.example.org/bakery/till\n  {field}\n",
            ["base/kustomization.yaml"] = "resources:\n- till.yaml\n",
            ["base/till.yaml"] = KustomizeFidelityFixtures.Deploy("till"),
        };
        var f = Assert.Single(KustomizeFidelityTests.BuildFindings(files));
        Assert.Equal(("CG0014", "overlays/production/kustomization.yaml", 5), (f.RuleId, f.Path, f.Span.StartLine));
        Assert.StartsWith(message, f.Message);
    }

    [Theory]
    [InlineData("newTag: \"20241130\"")]
    [InlineData("newTag: 1.20.3")]
    [InlineData("newTag: v20241130")]
    [InlineData("newTag: '1.20'")]
    [InlineData("newTag: 2024-11-30")]
    public void A_quoted_or_non_numeric_tag_is_fine(string field)
    {
        var files = new Dictionary<string, string>
        {
            ["overlays/staging/kustomization.yaml"] = $"resources:\n- ../../base\nnamespace: bakery-staging\ncommonLabels:\n  tier: \"3\"\nimages:\n- name: registry.example.org/bakery/till\n  {field}\n",
            ["base/kustomization.yaml"] = "resources:\n- till.yaml\n",
            ["base/till.yaml"] = KustomizeFidelityFixtures.Deploy("till"),
        };
        Assert.Empty(KustomizeFidelityTests.BuildFindings(files));
    }

    [Fact]
    public void Other_string_fields_are_checked_too()
    {
        var files = new Dictionary<string, string>
        {
            ["overlays/staging/kustomization.yaml"] = "namespace: 2024\ncommonLabels:\n  replicas-tier: 3\nconfigMapGenerator:\n- name: c\n  literals: [A=1]\n",
        };
        Assert.Equal(new[] { 1, 3 }, KustomizeFidelityTests.BuildFindings(files).Select(f => f.Span.StartLine).OrderBy(l => l).ToArray());
    }

    [Fact]
    public void An_images_entry_split_across_items_builds_but_is_a_setting_without_effect()
    {
        var files = new Dictionary<string, string>
        {
            ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\nimages:\n- name: registry.example.org/bakery/till\n- newTag: 2.5.0\n",
            ["base/kustomization.yaml"] = "resources:\n- till.yaml\n",
            ["base/till.yaml"] = KustomizeFidelityFixtures.Deploy("till"),
        };
        var build = KustomizeModel.Build(files, "overlays/staging/kustomization.yaml");
        Assert.DoesNotContain(build.Problems, p => p.IsFailure);
        Assert.Equal(2, build.Problems.Count(p => p.Kind == KustomizeProblemKind.NoEffect && p.Message.Contains("split across")));
    }
}
