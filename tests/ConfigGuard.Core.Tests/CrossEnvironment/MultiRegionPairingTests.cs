using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>Multi-region and multi-family layouts: a staging view pairs with the production views that share its qualifiers.</summary>
public class MultiRegionPairingTests
{
    private static IReadOnlyList<EnvironmentPair> Pairs(params (string Path, string Text)[] files) =>
        new AnalysisEngine(RulePack.Default).Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList()).Pairs;

    private static string Overlay(string db) =>
        $"resources:\n  - ../../base\nconfigMapGenerator:\n  - name: settings\n    behavior: merge\n    literals:\n      - DATABASE_URL=postgres://orders@{db}:5432/orders\n";

    private static readonly (string, string)[] Base =
    {
        ("ops/base/kustomization.yaml", "configMapGenerator:\n  - name: settings\n    literals:\n      - ORDERS_PAGE=25\n"),
    };

    [Fact]
    public void Staging_eu_pairs_with_prod_eu_not_prod_asia()
    {
        var pairs = Pairs(Base.Concat(new[]
        {
            ("ops/envs/staging-eu/kustomization.yaml", Overlay("orders-db.eu-rehearsal.internal")),
            ("ops/envs/staging-asia/kustomization.yaml", Overlay("orders-db.asia-rehearsal.internal")),
            ("ops/envs/prod-eu/kustomization.yaml", Overlay("orders-db.eu-main.internal")),
            ("ops/envs/prod-asia/kustomization.yaml", Overlay("orders-db.asia-main.internal")),
        }).ToArray());
        Assert.Equal(new[] { ("staging-asia", "prod-asia"), ("staging-eu", "prod-eu") },
            pairs.Select(p => (p.Staging.Name, p.Production.Name)).OrderBy(p => p.Item1).ToArray());
    }

    [Fact]
    public void A_staging_without_a_region_pairs_with_every_region_and_qualified_families_pair_within_the_family()
    {
        var pairs = Pairs(Base.Concat(new[]
        {
            ("ops/envs/staging/kustomization.yaml", Overlay("orders-db.rehearsal.internal")),
            ("ops/envs/prod-eu/kustomization.yaml", Overlay("orders-db.eu-main.internal")),
            ("ops/envs/prod-asia/kustomization.yaml", Overlay("orders-db.asia-main.internal")),
        }).ToArray());
        Assert.Equal(2, pairs.Count);

        // appsettings.DeployedQA.json pairs with appsettings.DeployedProd.json, not the legacy appsettings.Production.json.
        var family = Pairs(
            ("web/appsettings.json", "{}"), ("web/appsettings.Staging.json", "{}"), ("web/appsettings.Production.json", "{}"),
            ("web/appsettings.DeployedQA.json", "{}"), ("web/appsettings.DeployedProd.json", "{}"));
        Assert.Equal(new[] { ("DeployedQA", "DeployedProd"), ("Staging", "Production") },
            family.Select(p => (p.Staging.Name, p.Production.Name)).OrderBy(p => p.Item1).ToArray());
    }

    [Fact]
    public void A_resource_shared_across_regions_of_different_pairs_is_not_reported()
    {
        // staging-eu shares nothing with prod-eu; it uses the asia production database only by region name coincidence: no pair, no finding.
        var files = Base.Concat(new[]
        {
            ("ops/envs/staging-eu/kustomization.yaml", Overlay("orders-db.shared-eu.internal")),
            ("ops/envs/prod-eu/kustomization.yaml", Overlay("orders-db.main-eu.internal")),
            ("ops/envs/prod-asia/kustomization.yaml", Overlay("orders-db.shared-eu.internal")),
        }).Select(f => new SourceFile(f.Item1, f.Item2)).ToList();
        var findings = new AnalysisEngine(RulePack.Default).Analyze(files).Findings;
        Assert.DoesNotContain(findings, f => f.RuleId is "CG0005" or "CG0002");

        // The same database in staging-eu and prod-eu is shared.
        var paired = Base.Concat(new[]
        {
            ("ops/envs/staging-eu/kustomization.yaml", Overlay("orders-db.shared-eu.internal")),
            ("ops/envs/prod-eu/kustomization.yaml", Overlay("orders-db.shared-eu.internal")),
            ("ops/envs/prod-asia/kustomization.yaml", Overlay("orders-db.main-asia.internal")),
        }).Select(f => new SourceFile(f.Item1, f.Item2)).ToList();
        var shared = Assert.Single(new AnalysisEngine(RulePack.Default).Analyze(paired).Findings, f => f.RuleId is "CG0005" or "CG0002");
        Assert.Contains("prod-eu", shared.Message);
    }
}
