using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Staging and production overlays that are not kept apart though each builds: the same moving image tag (CG0017), the
/// same object or nodePort on one cluster (CG0018), an entry that changes nothing (CG0019). kubectl is the reference for
/// what the overlays render and that every tree here builds (no CG0012/CG0014); those checks skip without kubectl.
/// </summary>
public class OverlaySeparationTests
{
    private static List<Finding> Findings(Dictionary<string, string> files, string rule)
    {
        var sources = files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key))).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => files.TryGetValue(p, out var t) ? t : null);
        return result.Findings.Where(f => f.RuleId == rule).ToList();
    }

    private static string[] Where(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Path}:{f.Span.StartLine}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    internal static string Lending(string image, string? ns = null) =>
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: lending-desk\n" + (ns is null ? "" : $"  namespace: {ns}\n") +
        "spec:\n  template:\n    spec:\n      containers:\n      - name: desk\n        image: " + image + "\n";

    private static Dictionary<string, string> Tree(string baseImage, string stagingExtra = "", string productionExtra = "", string? ns = null) => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- desk.yaml\n",
        ["base/desk.yaml"] = Lending(baseImage, ns),
        ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\n" + stagingExtra,
        ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\n" + productionExtra,
    };

    public static IEnumerable<object[]> Trees() => new[]
    {
        new object[] { "latest-in-base", Tree("registry.example.net/library/desk:latest") },
        new object[] { "pinned-production", Tree("registry.example.net/library/desk:develop", productionExtra: "images:\n- name: registry.example.net/library/desk\n  newTag: v3.4.1\n") },
        new object[] { "same-namespace", Tree("registry.example.net/library/desk:v3.4.1", ns: "library") },
        new object[] { "own-namespaces", Tree("registry.example.net/library/desk:v3.4.1", "namespace: library-staging\n", "namespace: library\n") },
        new object[] { "split-image", Tree("registry.example.net/library/desk:v3.4.1", "images:\n- name: registry.example.net/library/desk\n- newTag: v3.5.0-rc1\n") },
        new object[] { "dead-patch", DeadPatch() },
        new object[] { "node-ports", NodePorts(30090, 30090) },
    };

    [KubectlTheory]
    [MemberData(nameof(Trees))]
    public void Every_tree_here_builds_with_kubectl_and_gets_no_build_error(string name, Dictionary<string, string> files) =>
        KubectlAgreement.AssertAgrees(files, name);

    // ---- CG0017 ----

    [Fact]
    public void A_latest_tag_both_overlays_inherit_is_reported_once_at_the_base_line()
    {
        var f = Assert.Single(Findings(Tree("registry.example.net/library/desk:latest"), "CG0017"));
        Assert.Equal(("base/desk.yaml", 10), (f.Path, f.Span.StartLine));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("'latest'", f.Message);
    }

    [Fact]
    public void Overlays_that_list_their_bases_in_another_order_are_still_one_pair()
    {
        // staging adds a service and lists the desk last; production lists the desk first: one app, one pair.
        var files = new Dictionary<string, string>
        {
            ["base/desk/kustomization.yaml"] = "resources:\n- desk.yaml\n",
            ["base/desk/desk.yaml"] = Lending("registry.example.net/library/desk:latest"),
            ["base/ledger/kustomization.yaml"] = "resources:\n- ledger.yaml\n",
            ["base/ledger/ledger.yaml"] = Lending("registry.example.net/library/ledger:v2.0.1").Replace("lending-desk", "ledger"),
            ["base/quotes/kustomization.yaml"] = "resources:\n- quotes.yaml\n",
            ["base/quotes/quotes.yaml"] = Lending("registry.example.net/library/quotes:v1.4.0").Replace("lending-desk", "quotes"),
            ["lab/staging/kustomization.yaml"] = "namespace: lending-staging\nresources:\n- ../../base/ledger\n- ../../base/quotes\n- ../../base/desk\n",
            ["live/prod/kustomization.yaml"] = "namespace: lending-prod\nresources:\n- ../../base/desk\n- ../../base/ledger\n",
        };
        var f = Assert.Single(Findings(files, "CG0017"));
        Assert.Equal(("base/desk/desk.yaml", 10), (f.Path, f.Span.StartLine));
    }

    [Fact]
    public void A_branch_tag_set_in_each_overlay_is_reported_at_production_with_staging_related()
    {
        var files = Tree("registry.example.net/library/desk",
            "images:\n- name: registry.example.net/library/desk\n  newTag: main\n",
            "images:\n- name: registry.example.net/library/desk\n  newTag: main\n");
        var f = Assert.Single(Findings(files, "CG0017"));
        Assert.Equal(("overlays/production/kustomization.yaml", 5), (f.Path, f.Span.StartLine));
        Assert.Contains(f.Related, r => r.Path == "overlays/staging/kustomization.yaml");
    }

    [Theory]
    [InlineData("registry.example.net/library/desk:v3.4.1")]                 // semver
    [InlineData("registry.example.net/library/desk:2026.11.30-4f2a9c1")]     // build tag
    [InlineData("registry.example.net/library/desk:latest@sha256:0d5c1f8e2b7a94c36e1d0f5a8b2c7e9d4a1f6b3c8e0d7a2f5b9c4e1d8a3f6b2c")] // digest
    [InlineData("registry.example.net/library/desk")]                        // no tag: a slot CI fills in
    [InlineData("registry.example.net/library/desk:${DESK_TAG}")]            // substituted at deploy
    public void Pinned_untagged_and_substituted_images_are_not_reported(string image) =>
        Assert.Empty(Findings(Tree(image), "CG0017"));

    [Fact]
    public void Production_pinned_by_its_overlay_is_not_reported_though_staging_follows_develop() =>
        Assert.Empty(Findings(Tree("registry.example.net/library/desk:develop", productionExtra: "images:\n- name: registry.example.net/library/desk\n  newTag: v3.4.1\n"), "CG0017"));

    [Fact]
    public void Different_moving_tags_per_environment_are_not_the_same_moving_image() =>
        Assert.Empty(Findings(Tree("registry.example.net/library/desk",
            "images:\n- name: registry.example.net/library/desk\n  newTag: staging\n",
            "images:\n- name: registry.example.net/library/desk\n  newTag: production\n"), "CG0017"));

    [KubectlFact]
    public void Kubectl_renders_the_same_moving_image_for_both_overlays()
    {
        var files = Tree("registry.example.net/library/desk:latest");
        foreach (var env in new[] { "staging", "production" })
            Assert.Contains("image: registry.example.net/library/desk:latest", Kubectl.Kustomize(files, "overlays/" + env).Output);
    }

    // ---- CG0018 ----

    [Fact]
    public void The_same_deployment_in_a_namespace_written_in_the_base_is_a_collision()
    {
        var f = Assert.Single(Findings(Tree("registry.example.net/library/desk:v3.4.1", ns: "library"), "CG0018"));
        Assert.Equal(("base/desk.yaml", 5), (f.Path, f.Span.StartLine));
        Assert.Contains("Deployment 'lending-desk'", f.Message);
    }

    [KubectlFact]
    public void Kubectl_renders_one_namespace_and_name_for_both_overlays()
    {
        var files = Tree("registry.example.net/library/desk:v3.4.1", ns: "library");
        foreach (var env in new[] { "staging", "production" })
        {
            var output = Kubectl.Kustomize(files, "overlays/" + env).Output;
            Assert.Contains("name: lending-desk", output);
            Assert.Contains("namespace: library", output);
        }
    }

    [Fact]
    public void Overlays_with_their_own_namespaces_do_not_collide() =>
        Assert.Empty(Findings(Tree("registry.example.net/library/desk:v3.4.1", "namespace: library-staging\n", "namespace: library\n"), "CG0018"));

    [Fact]
    public void A_staging_overlay_aimed_at_the_production_namespace_is_CG0011s_finding_not_a_second_one()
    {
        var files = Tree("registry.example.net/library/desk:v3.4.1", "namespace: library-production\n", "namespace: library-production\n");
        Assert.Empty(Findings(files, "CG0018"));
        Assert.Single(Findings(files, "CG0011"));
    }

    [Fact]
    public void Objects_without_a_namespace_go_where_the_deploy_tool_says_and_are_not_reported() =>
        Assert.Empty(Findings(Tree("registry.example.net/library/desk:v3.4.1"), "CG0018"));

    [Fact]
    public void A_scan_that_names_clusters_may_share_every_name()
    {
        var files = Tree("registry.example.net/library/desk:v3.4.1", ns: "library");
        files["clusters/production/kustomization.yaml"] = "resources:\n- ../../overlays/production\n";
        Assert.Empty(Findings(files, "CG0018"));
    }

    [Theory]
    [InlineData("clusters/production/kustomization.yaml", true)]
    [InlineData("deploy/Cluster/app.env", true)]
    [InlineData("CLUSTERS", true)]
    [InlineData("infra/cluster", true)]
    [InlineData("clusterss/production/kustomization.yaml", false)]
    [InlineData("my-clusters/production/kustomization.yaml", false)]
    [InlineData("cluster-a/production/kustomization.yaml", false)]
    [InlineData("deploy/clusters.yaml", false)]
    [InlineData("overlays/production/kustomization.yaml", false)]
    public void Only_a_folder_named_cluster_or_clusters_names_clusters(string path, bool names) =>
        Assert.Equal(names, ConfigGuard.Core.Rules.KustomizeOverlaysCollideRule.HasClusterFolder(path));

    [Fact]
    public void Overlays_named_for_different_regions_are_different_clusters()
    {
        var files = new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "resources:\n- desk.yaml\n",
            ["base/desk.yaml"] = Lending("registry.example.net/library/desk:v3.4.1", "library"),
            ["overlays/staging-eu/kustomization.yaml"] = "resources:\n- ../../base\n",
            ["overlays/prod-us/kustomization.yaml"] = "resources:\n- ../../base\n",
        };
        Assert.Empty(Findings(files, "CG0018"));
    }

    [Fact]
    public void A_namespace_filled_in_at_deploy_time_is_not_a_collision() =>
        Assert.Empty(Findings(Tree("registry.example.net/library/desk:v3.4.1", ns: "${TARGET_NAMESPACE}"), "CG0018"));

    private static Dictionary<string, string> NodePorts(int staging, int production) => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- desk-svc.yaml\n",
        ["base/desk-svc.yaml"] = "apiVersion: v1\nkind: Service\nmetadata:\n  name: lending-desk\nspec:\n  type: NodePort\n  ports:\n  - name: http\n    port: 80\n    nodePort: 30070\n",
        ["overlays/staging/kustomization.yaml"] = "namespace: library-staging\nresources:\n- ../../base\npatches:\n- path: port.yaml\n",
        ["overlays/staging/port.yaml"] = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: lending-desk\nspec:\n  ports:\n  - port: 80\n    nodePort: {staging}\n",
        ["overlays/production/kustomization.yaml"] = "namespace: library\nresources:\n- ../../base\npatches:\n- path: port.yaml\n",
        ["overlays/production/port.yaml"] = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: lending-desk\nspec:\n  ports:\n  - port: 80\n    nodePort: {production}\n",
    };

    [Fact]
    public void Two_namespaces_of_one_cluster_claiming_one_node_port_collide()
    {
        var f = Assert.Single(Findings(NodePorts(30090, 30090), "CG0018"));
        Assert.Equal(("overlays/staging/port.yaml", 8), (f.Path, f.Span.StartLine));
        Assert.Contains("nodePort 30090", f.Message);
    }

    [Fact]
    public void A_service_port_patch_replaces_the_base_port_as_kubectl_merges_it_by_port() =>
        Assert.Empty(Findings(NodePorts(30091, 30090), "CG0018"));

    [KubectlFact]
    public void Kubectl_merges_a_service_port_patch_by_port()
    {
        var output = Kubectl.Kustomize(NodePorts(30091, 30090), "overlays/staging").Output;
        Assert.Contains("nodePort: 30091", output);
        Assert.DoesNotContain("nodePort: 30070", output);
    }

    // ---- CG0019 (kustomize) ----

    private static Dictionary<string, string> DeadPatch() => new()
    {
        ["base/kustomization.yaml"] = "resources:\n- desk.yaml\n",
        ["base/desk.yaml"] = Lending("registry.example.net/library/desk:v3.4.1"),
        // The base renamed its object: the staging patch names the old one.
        ["overlays/staging/kustomization.yaml"] = "resources:\n- ../../base\npatches:\n- target:\n    kind: Deployment\n    name: loan-desk\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 1\n",
        // A target by kind alone is written to apply to whatever is there: no object is fine.
        ["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\npatches:\n- target:\n    kind: StatefulSet\n  patch: |-\n    - op: add\n      path: /spec/replicas\n      value: 3\n",
    };

    [Fact]
    public void A_patch_whose_named_target_is_gone_has_no_effect()
    {
        var findings = Findings(DeadPatch(), "CG0019");
        Assert.Equal(new[] { "overlays/staging/kustomization.yaml:7" }, Where(findings));
        Assert.Contains("'loan-desk'", findings[0].Message);
        Assert.Empty(Findings(DeadPatch(), "CG0014"));
    }

    [Fact]
    public void A_split_images_entry_has_no_effect()
    {
        var files = Tree("registry.example.net/library/desk:v3.4.1", "images:\n- name: registry.example.net/library/desk\n- newTag: v3.5.0-rc1\n");
        Assert.Equal(new[] { "overlays/staging/kustomization.yaml:4", "overlays/staging/kustomization.yaml:5" }, Where(Findings(files, "CG0019")));
    }

    [Fact]
    public void A_patch_in_a_component_or_a_build_with_a_stand_in_file_is_not_reported()
    {
        var files = DeadPatch();
        files["components/quiet/kustomization.yaml"] = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- target:\n    kind: Deployment\n    name: night-desk\n  patch: |-\n    - op: add\n      path: /spec/replicas\n      value: 0\n";
        files["overlays/production/kustomization.yaml"] = "resources:\n- ../../base\n- generated.yaml\ncomponents:\n- ../../components/quiet\npatches:\n- target:\n    kind: Deployment\n    name: generated-desk\n  patch: |-\n    - op: add\n      path: /spec/replicas\n      value: 3\n";
        files["overlays/production/generated.yaml"] = "# written by the release job\n";
        Assert.Equal(new[] { "overlays/staging/kustomization.yaml:7" }, Where(Findings(files, "CG0019")));
    }
}
