using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>
/// False-alarm classes from the wild corpus (issue 13), each with fixtures written here: what must not be reported,
/// and the near case that still must be.
/// </summary>
public class WildPrecisionClassesTests
{
    // --- A production word in the domain of the cluster the environment itself is hosted on -------------------------

    [Fact]
    public void A_staging_route_on_a_cluster_whose_domain_says_prod_is_not_a_production_endpoint()
    {
        var findings = Scan.Rule("CG0002", (".env.staging",
            "ORDERS_URL=https://orders-shop-stage.apps.cluster7.prod.hosting.example.net/api\n" +
            "BILLING_URL=https://billing-shop-stage.apps.cluster7.prod.hosting.example.net\n" +
            "DOCS_HOST=wiki.apps.cluster7.prod.hosting.example.net\n"));
        Assert.Empty(findings);
    }

    [Fact]
    public void On_that_cluster_a_host_whose_own_labels_say_prod_is_still_reported()
    {
        var findings = Scan.Rule("CG0002", (".env.staging",
            "ORDERS_URL=https://orders-shop-stage.apps.cluster7.prod.hosting.example.net/api\n" +
            "BILLING_URL=https://billing-shop-prod.apps.cluster7.prod.hosting.example.net\n"));
        var f = Assert.Single(findings);
        Assert.Equal(2, f.Span.StartLine);
    }

    [Fact]
    public void Without_a_host_of_its_own_on_that_domain_a_prod_domain_is_still_production()
    {
        Assert.Single(Scan.Rule("CG0002", (".env.staging", "API_URL=https://api.apps.cluster7.prod.hosting.example.net\n")));
    }

    // --- Monitoring stacks serve every environment ---------------------------------------------------------------

    [Theory]
    [InlineData("PUSHGATEWAY_HOST=metrics-gw.prod.example.org")]
    [InlineData("METRICS_QUERY_URL=https://prometheus-platform-prod.example.org")]
    [InlineData("TRACES_ENDPOINT=https://otel-collector.prod.example.org:4317")]
    public void A_monitoring_service_named_prod_is_not_a_production_endpoint(string line)
    {
        Assert.Empty(Scan.Rule("CG0002", (".env.staging", line + "\n")));
    }

    [Fact]
    public void A_data_service_named_prod_beside_them_is_still_reported()
    {
        Assert.Single(Scan.Rule("CG0002", (".env.staging", "PUSHGATEWAY_HOST=metrics-gw.prod.example.org\nREPORTS_DB_HOST=reports.prod.example.org\n")));
    }

    [Fact]
    public void A_dashboard_link_both_environments_inherit_is_not_a_shared_resource()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{ \"Grafana\": { \"RedirectUrl\": \"https://dashboards.lumen-analytics.example.org/login\" } }"),
            ("appsettings.Staging.json", "{ \"ApiBase\": \"https://api.staging.lumen-analytics.example.org\" }"),
            ("appsettings.Production.json", "{ \"ApiBase\": \"https://api.lumen-analytics.example.org\" }"));
        Assert.DoesNotContain(findings, f => f.RuleId is "CG0002" or "CG0005");
    }

    // --- A service the environment switches off ------------------------------------------------------------------

    private const string TrackerDsn = "https://0f3c9d2e7a8b41c6@o4417.ingest.sentry.io/5512";

    [Fact]
    public void An_error_tracker_the_staging_side_switches_off_is_not_shared()
    {
        var findings = Scan.Rule("CG0005",
            ("appsettings.json", "{ \"Sentry\": { \"Dsn\": \"" + TrackerDsn + "\" }, \"IsSentryLogging\": false }"),
            ("appsettings.Staging.json", "{ \"IsSentryLogging\": false }"),
            ("appsettings.Production.json", "{ \"IsSentryLogging\": true }"));
        Assert.Empty(findings);
    }

    [Fact]
    public void The_same_tracker_switched_on_in_both_is_shared()
    {
        var findings = Scan.Rule("CG0005",
            ("appsettings.json", "{ \"Sentry\": { \"Dsn\": \"" + TrackerDsn + "\" }, \"IsSentryLogging\": true }"),
            ("appsettings.Staging.json", "{ \"IsSentryLogging\": true }"),
            ("appsettings.Production.json", "{ \"IsSentryLogging\": true }"));
        Assert.Single(findings);
    }

    [Fact]
    public void A_switch_for_another_feature_under_the_same_app_prefix_does_not_hide_a_shared_bucket()
    {
        var findings = Scan.Rule("CG0005",
            ("appsettings.json", "{ \"Kestrel9\": { \"Storage\": { \"BucketName\": \"kestrel9-uploads\" }, \"EnableAuditTrail\": false } }"),
            ("appsettings.Staging.json", "{ \"Kestrel9\": { \"ApiBase\": \"https://api.staging.kestrel9.example.org\" } }"),
            ("appsettings.Production.json", "{ \"Kestrel9\": { \"ApiBase\": \"https://api.kestrel9.example.org\" } }"));
        Assert.Single(findings);
    }

    // --- A dotenv cascade's default declaration ------------------------------------------------------------------

    [Fact]
    public void A_base_default_declaration_of_the_key_that_selects_the_file_does_not_contradict_it()
    {
        var findings = Scan.Rule("CG0004",
            (".env", "# Loaded first; then .env.$APP_ENV, which the real APP_ENV picks, and real variables win.\nAPP_ENV=dev\nAPP_SECRET=\n"),
            (".env.preprod", "MAILER_FROM=noreply@preprod.example.org\n"));
        Assert.Empty(findings);
    }

    [Fact]
    public void An_environment_file_that_declares_another_environment_itself_is_still_reported()
    {
        var findings = Scan.Rule("CG0004",
            (".env", "# then .env.$APP_ENV\nAPP_ENV=dev\n"),
            (".env.preprod", "APP_ENV=prod\n"));
        var f = Assert.Single(findings);
        Assert.Equal(".env.preprod", f.Path);
    }

    // --- The activity of testing is not a test environment -------------------------------------------------------

    [Theory]
    [InlineData("ci-test-pods")]
    [InlineData("e2e-test-runners")]
    public void A_production_overlay_in_a_namespace_for_test_pods_is_not_aimed_at_test(string ns)
    {
        Assert.Empty(Overlay("overlays/production", $"namespace: {ns}\n"));
    }

    [Fact]
    public void A_production_overlay_in_a_test_namespace_is_still_reported()
    {
        Assert.Single(Overlay("overlays/production", "namespace: shop-test\n"));
    }

    // --- One cluster hosts the non-production environments -------------------------------------------------------

    [Fact]
    public void A_staging_overlay_labelled_with_the_shared_dev_cluster_is_not_aimed_elsewhere()
    {
        Assert.Empty(Overlay("overlays/staging", "labels:\n  - pairs:\n      example.org/cluster: team-dev-aks-2\n"));
    }

    [Fact]
    public void A_staging_overlay_labelled_with_a_production_cluster_is_still_reported()
    {
        Assert.Single(Overlay("overlays/staging", "labels:\n  - pairs:\n      example.org/cluster: team-prod-aks-2\n"));
    }

    private static IReadOnlyList<Finding> Overlay(string dir, string overlay) =>
        Scan.Rule("CG0011",
            ("deploy/base/kustomization.yaml", "resources:\n  - app.yaml\n"),
            ("deploy/base/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  MODE: web\n"),
            ($"deploy/{dir}/kustomization.yaml", "resources:\n  - ../../base\n" + overlay));

    // --- A .local profile among standalone profiles --------------------------------------------------------------

    private static IReadOnlyList<Finding> Tracked(params (string Path, string Text)[] files) =>
        new AnalysisEngine(RulePack.Default).Analyze(files.Select(f => new SourceFile(f.Path, f.Text, new FileFacts(true, false))).ToList()).Findings
            .Where(f => f.RuleId == "CG0009").ToList();

    [Fact]
    public void A_local_profile_among_standalone_environment_profiles_is_not_a_local_override()
    {
        Assert.Empty(Tracked(
            (".env.local", "CLUSTERED=false\nREPLICAS=1\n"),
            (".env.qa", "CLUSTERED=true\nREPLICAS=2\n"),
            (".env.prod", "CLUSTERED=true\nREPLICAS=3\n")));
    }

    [Fact]
    public void The_same_profile_holding_a_password_is_still_reported()
    {
        Assert.Single(Tracked(
            (".env.local", "CLUSTERED=false\nDB_PASSWORD=orchid-lantern-42\n"),
            (".env.qa", "CLUSTERED=true\n"),
            (".env.prod", "CLUSTERED=true\n")));
    }

    [Fact]
    public void A_local_file_beside_the_env_it_overrides_is_still_reported()
    {
        Assert.Single(Tracked(
            (".env", "REPLICAS=1\n"),
            (".env.local", "REPLICAS=4\n"),
            (".env.qa", "REPLICAS=2\n"),
            (".env.prod", "REPLICAS=3\n")));
    }
}
