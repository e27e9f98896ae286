using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>The staging overlay pairs with the production overlay of the same base, so CG0005 sees kustomize values too.</summary>
public class KustomizePairingTests
{
    private static (string, string)[] Tree(string stagingDb, string productionDb) => new[]
    {
        ("k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: app\n    literals:\n      - LOG_FORMAT=json\n"),
        ("k8s/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: shop:1.0.0\n          envFrom:\n            - configMapRef:\n                name: app\n"),
        ("k8s/overlays/staging/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: shop-staging\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals:\n      - APP_ENV=staging\n      - DATABASE_URL={stagingDb}\n"),
        ("k8s/overlays/production/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: shop-production\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals:\n      - APP_ENV=production\n      - DATABASE_URL={productionDb}\n"),
    };

    private static AnalysisResult Analyze((string Path, string Text)[] files) =>
        new AnalysisEngine(RulePack.Default).Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());

    [Fact]
    public void Staging_and_production_overlays_of_one_base_form_a_pair()
    {
        var result = Analyze(Tree("postgres://app@db-a.internal:5432/shop", "postgres://app@db-b.internal:5432/shop"));
        var pair = Assert.Single(result.Pairs);
        Assert.EndsWith("overlays/staging/kustomization.yaml", pair.Staging.Primary.Path);
        Assert.EndsWith("overlays/production/kustomization.yaml", pair.Production.Primary.Path);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CG0005");
    }

    [Fact]
    public void A_database_shared_by_the_two_overlays_is_CG0005_at_the_staging_literal_with_the_production_line_related()
    {
        var result = Analyze(Tree("postgres://app:one@shared-db.internal:5432/shop", "postgres://app:two@shared-db.internal:5432/shop"));
        var f = Assert.Single(result.Findings, f => f.RuleId == "CG0005");
        Assert.Equal("k8s/overlays/staging/kustomization.yaml", f.Path);
        Assert.Equal(9, f.Span.StartLine);
        var related = Assert.Single(f.Related);
        Assert.Equal("k8s/overlays/production/kustomization.yaml", related.Path);
        Assert.Equal(9, related.Span.StartLine);
    }
}
