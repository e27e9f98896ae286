using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>CG0011: one test per thing that can aim an overlay at another environment, and the values that must not.</summary>
public class KustomizeOverlayAimedElsewhereRuleTests
{
    private const string Base = "resources:\n  - deployment.yaml\n";
    private const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/shop:1.0.0\n          env:\n            - name: APP_ENV\n              value: staging\n";

    private static IReadOnlyList<Core.Model.Finding> Cg0011(string overlay, string overlayDir = "overlays/staging", string? baseKustomization = null) =>
        Scan.Rule("CG0011",
            ("k8s/base/kustomization.yaml", baseKustomization ?? Base),
            ("k8s/base/deployment.yaml", Deployment),
            ($"k8s/{overlayDir}/kustomization.yaml", "resources:\n  - ../../base\n" + overlay));

    [Fact]
    public void Production_namespace_in_staging_overlay_is_flagged_at_the_namespace_value()
    {
        var f = Assert.Single(Cg0011("namespace: QuikApp-production\n"));
        Assert.Equal("k8s/overlays/staging/kustomization.yaml", f.Path);
        Assert.Equal((3, 12), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("namespace 'QuikApp-production' names production", f.Message);
    }

    [Fact]
    public void Production_image_tag_in_staging_overlay_is_flagged_at_newTag()
    {
        var f = Assert.Single(Cg0011("images:\n  - name: ghcr.io/acme/shop\n    newTag: prod-latest\n"));
        Assert.Equal((5, 13), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("image tag", f.Message);
    }

    [Fact]
    public void Production_name_prefix_and_suffix_in_staging_overlay_are_flagged()
    {
        Assert.Equal(2, Cg0011("namePrefix: prod-\nnameSuffix: -prd\n").Count);
    }

    [Fact]
    public void Cluster_label_naming_production_is_flagged()
    {
        Assert.Single(Cg0011("commonLabels:\n  cluster: prod-eu-1\n"));
    }

    [Fact]
    public void Kube_context_literal_naming_production_is_flagged()
    {
        Assert.Single(Cg0011("configMapGenerator:\n  - name: c\n    literals:\n      - KUBE_CONTEXT=gke_acme_prod\n"));
    }

    [Fact]
    public void Staging_namespace_in_production_overlay_is_flagged()
    {
        Assert.Single(Cg0011("namespace: shop-staging\n", "overlays/production"));
    }

    [Fact]
    public void Namespace_inherited_from_the_base_is_reported_at_the_base_line()
    {
        var f = Assert.Single(Cg0011("", baseKustomization: Base + "namespace: shop-prod\n"));
        Assert.Equal("k8s/base/kustomization.yaml", f.Path);
        Assert.Contains("inherited from k8s/base/kustomization.yaml", f.Message);
    }

    [Theory]
    [InlineData("namespace: shop-staging\n")]
    [InlineData("namespace: shop\n")]
    [InlineData("namePrefix: staging-\n")]
    [InlineData("images:\n  - name: ghcr.io/acme/shop\n    newTag: 1.42.0-rc.3\n")]
    [InlineData("images:\n  - name: ghcr.io/acme/shop\n    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
    [InlineData("commonLabels:\n  team: production-support\n")]
    [InlineData("namespace: product-service\n")]
    public void Values_that_name_staging_or_no_environment_are_not_flagged(string overlay)
    {
        Assert.Empty(Cg0011(overlay));
    }

    [Fact]
    public void The_base_itself_is_not_judged()
    {
        Assert.Empty(Scan.Rule("CG0011", ("k8s/base/kustomization.yaml", Base + "namespace: shop-prod\n"), ("k8s/base/deployment.yaml", Deployment)));
    }
}
