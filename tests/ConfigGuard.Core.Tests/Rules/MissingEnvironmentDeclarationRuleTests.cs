using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>
/// CG0003 only where a missing declaration can bite: a sibling environment declares and this one does not, or a
/// kustomize workload reads its environment from a ConfigMap key the overlay never sets. Fixtures written for these tests.
/// </summary>
public class MissingEnvironmentDeclarationRuleTests
{
    private const string Deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ledger\nspec:\n  template:\n    spec:\n      containers:\n" +
        "        - name: api\n          image: registry.example.org/ledger-api:4.1.0\n          envFrom:\n            - configMapRef:\n                name: ledger-settings\n";

    private static (string, string) Overlay(string env, params string[] literals) =>
        ($"deploy/overlays/{env}/kustomization.yaml",
         "resources:\n  - ../../base\nconfigMapGenerator:\n  - name: ledger-settings\n    behavior: merge\n    literals:\n"
         + string.Concat(literals.Select(l => $"      - {l}\n")));

    private static readonly (string, string) Base =
        ("deploy/base/kustomization.yaml", "resources:\n  - ledger.yaml\nconfigMapGenerator:\n  - name: ledger-settings\n    literals:\n      - LEDGER_PAGE_SIZE=50\n");
    private static readonly (string, string) BaseDeployment = ("deploy/base/ledger.yaml", Deployment);

    [Fact]
    public void Flags_a_staging_file_whose_production_sibling_declares_and_names_the_key_to_add()
    {
        var f = Assert.Single(Scan.Rule("CG0003",
            (".env.production", "APP_ENV=production\nLEDGER_DB=postgres://ledger@db-main.internal/ledger\n"),
            (".env.staging", "LEDGER_DB=postgres://ledger@db-rehearsal.internal/ledger\n")));
        Assert.Equal(".env.staging", f.Path);
        Assert.Equal((1, 1), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("APP_ENV=production", f.Message);
        Assert.Contains("add APP_ENV=staging", f.Message);
    }

    [Fact]
    public void Flags_a_production_file_whose_staging_sibling_declares()
    {
        var f = Assert.Single(Scan.Rule("CG0003",
            ("svc/config/staging.env", "ASPNETCORE_ENVIRONMENT=Staging\n"),
            ("svc/config/production.env", "FEATURE_LEDGER_EXPORT=on\n")));
        Assert.Equal("svc/config/production.env", f.Path);
    }

    [Fact]
    public void Flags_a_kustomize_overlay_whose_sibling_overlay_of_the_same_base_declares()
    {
        var f = Assert.Single(Scan.Rule("CG0003", Base, BaseDeployment,
            Overlay("production", "ASPNETCORE_ENVIRONMENT=Production"),
            Overlay("staging", "LEDGER_PAGE_SIZE=10")));
        Assert.Equal("deploy/overlays/staging/kustomization.yaml", f.Path);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=staging", f.Message);
    }

    [Fact]
    public void Flags_a_workload_that_reads_its_environment_from_a_configmap_key_the_overlay_never_sets()
    {
        var deployment = Deployment.Replace("          envFrom:\n            - configMapRef:\n                name: ledger-settings\n",
            "          env:\n            - name: ASPNETCORE_ENVIRONMENT\n              valueFrom:\n                configMapKeyRef:\n                  name: ledger-settings\n                  key: DEPLOY_STAGE\n");
        var f = Assert.Single(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", deployment), Overlay("staging", "LEDGER_PAGE_SIZE=10")));
        Assert.Equal("deploy/base/ledger.yaml", f.Path);
        Assert.Equal(12, f.Span.StartLine);
        Assert.Contains("DEPLOY_STAGE", f.Message);

        // Set by the overlay: nothing to say.
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", deployment), Overlay("staging", "DEPLOY_STAGE=Staging")));
        // A ConfigMap made outside this tree (sealed secrets, a platform team) is not judged.
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", deployment.Replace("name: ledger-settings\n                  key", "name: platform-env\n                  key")),
            Overlay("staging", "LEDGER_PAGE_SIZE=10")));
    }

    [Fact]
    public void A_lone_file_or_a_lone_overlay_is_not_flagged()
    {
        Assert.Empty(Scan.Rule("CG0003", (".env.staging", "LEDGER_DB=postgres://ledger@db-rehearsal.internal/ledger\n")));
        Assert.Empty(Scan.Rule("CG0003", (".env.production", "NODE_ENV=production\n"), (".env.staging", "API_URL=https://api.rehearsal.example.org\n")));
        Assert.Empty(Scan.Rule("CG0003", Base, BaseDeployment, Overlay("staging", "LEDGER_PAGE_SIZE=10"), Overlay("production", "LEDGER_PAGE_SIZE=100")));
    }

    [Fact]
    public void Vite_and_vue_mode_files_declare_by_their_name()
    {
        Assert.Empty(Scan.Rule("CG0003",
            (".env.production", "VITE_APP_ENV=production\nVITE_API_URL=https://api.example.org\n"),
            (".env.staging", "VITE_API_URL=https://api.rehearsal.example.org\n")));
        Assert.Empty(Scan.Rule("CG0003",
            ("web/.env.production", "APP_ENV=production\nVUE_APP_TITLE=Ledger\n"),
            ("web/.env.staging", "VUE_APP_TITLE=Ledger (rehearsal)\n")));
    }

    [Theory]
    [InlineData("GOLANG_ENV=staging")]
    [InlineData("FLASK_ENV=staging")]
    [InlineData("RAILS_ENV=staging")]
    [InlineData("RACK_ENV=staging")]
    [InlineData("SPRING_PROFILES_ACTIVE=staging")]
    [InlineData("NODE_ENV=production")]
    [InlineData("VITE_MODE=staging")]
    [InlineData("SENTRY_ENVIRONMENT=staging")]
    [InlineData("export ENVIRONMENT=staging")]
    public void Any_key_teams_use_counts_as_a_declaration(string line)
    {
        Assert.Empty(Scan.Rule("CG0003", (".env.production", "APP_ENV=production\n"), (".env.staging", line + "\n")));
    }

    [Fact]
    public void A_declaration_inherited_from_the_base_counts_and_dev_test_template_and_appsettings_files_are_never_asked()
    {
        Assert.Empty(Scan.Rule("CG0003", (".env", "APP_ENV=${DEPLOY_ENV}\n"), (".env.staging", "X=1\n"), (".env.production", "APP_ENV=production\n")));
        Assert.Empty(Scan.Rule("CG0003", (".env.production", "APP_ENV=production\n"), (".env.development", "X=1\n"), (".env.test", "X=1\n"), (".env.example", "X=1\n")));
        Assert.Empty(Scan.Rule("CG0003", ("appsettings.Production.json", "{\"Environment\":\"Production\"}"), ("appsettings.Staging.json", "{\"Ledger\":{\"PageSize\":10}}")));
    }

    [Fact]
    public void An_environment_label_or_a_valueFrom_declares_a_kustomize_overlay()
    {
        var labelled = ("deploy/overlays/staging/kustomization.yaml",
            "resources:\n  - ../../base\ncommonLabels:\n  env: staging\n");
        Assert.Empty(Scan.Rule("CG0003", Base, BaseDeployment, Overlay("production", "ASPNETCORE_ENVIRONMENT=Production"), labelled));
        var labels = ("deploy/overlays/staging/kustomization.yaml",
            "resources:\n  - ../../base\nlabels:\n  - pairs:\n      example.org/environment: staging\n");
        Assert.Empty(Scan.Rule("CG0003", Base, BaseDeployment, Overlay("production", "ASPNETCORE_ENVIRONMENT=Production"), labels));
    }

    // --- An ASP.NET Core host deployed by a non-production overlay that never sets its environment -----------------

    private const string AspNetDeployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ledger\nspec:\n  template:\n    spec:\n      containers:\n" +
        "        - name: api\n          image: registry.example.org/ledger-api:4.1.0\n          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:8080\n" +
        "          envFrom:\n            - configMapRef:\n                name: ledger-settings\n";

    [Fact]
    public void Flags_an_aspnet_core_container_a_staging_overlay_deploys_without_its_environment()
    {
        var f = Assert.Single(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", AspNetDeployment), Overlay("staging", "LEDGER_PAGE_SIZE=10")));
        Assert.Equal("deploy/base/ledger.yaml", f.Path);
        Assert.Equal(9, f.Span.StartLine);
        Assert.Contains("ASPNETCORE_URLS", f.Message);
        Assert.Contains("appsettings.Production.json", f.Message);
    }

    [Fact]
    public void An_aspnet_core_container_is_not_flagged_when_a_layer_sets_its_environment_or_in_production()
    {
        // Through the overlay's ConfigMap (envFrom), in env, or DOTNET_ENVIRONMENT.
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", AspNetDeployment), Overlay("staging", "ASPNETCORE_ENVIRONMENT=Staging")));
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", AspNetDeployment.Replace("            - name: ASPNETCORE_URLS", "            - name: DOTNET_ENVIRONMENT\n              value: Staging\n            - name: ASPNETCORE_URLS")),
            Overlay("staging", "LEDGER_PAGE_SIZE=10")));
        // Production is ASP.NET Core's default: nothing goes wrong there.
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", AspNetDeployment), Overlay("production", "LEDGER_PAGE_SIZE=10")));
        // A ConfigMap made outside this tree may set it: not judged.
        Assert.Empty(Scan.Rule("CG0003", Base, ("deploy/base/ledger.yaml", AspNetDeployment.Replace("name: ledger-settings", "name: platform-env")), Overlay("staging", "LEDGER_PAGE_SIZE=10")));
        // Nothing shows an ASP.NET Core host: not asked.
        Assert.Empty(Scan.Rule("CG0003", Base, BaseDeployment, Overlay("staging", "LEDGER_PAGE_SIZE=10")));
    }
}
