using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Rules;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>
/// CG1007-CG1009 and what each environment provides (<see cref="EnvironmentKeys"/>), over in-memory config and the
/// key model the extractor produces (written by hand here; the extractor has its own tests). Fixtures written for these tests.
/// </summary>
public class CodeConfigRuleTests
{
    private const string Program = "src/Shop/Program.cs";
    private static readonly AppHost WebHost = new(AppHostKind.AspNetCore, "WebApplication.CreateBuilder", Program, new SourceSpan(20, 30, 1, 15, 1, 45));

    private static ConfigKeyRead Read(string key, ConfigKeyReadKind kind = ConfigKeyReadKind.Indexer,
        ConfigKeyRequirement requirement = ConfigKeyRequirement.Required, bool section = false, int line = 7) =>
        new(key, kind, requirement, section, Program, new SourceSpan(100 + line, 10, line, 5, line, 15));

    private static CodeFacts Code(params ConfigKeyRead[] reads) => Code(reads, Array.Empty<string>());

    private static CodeFacts Code(ConfigKeyRead[] reads, string[] opaque, string[]? secretStores = null, bool host = true) =>
        new(reads, opaque, host ? new[] { WebHost } : Array.Empty<AppHost>(), Array.Empty<string>(), secretStores ?? Array.Empty<string>(), false);

    private static IReadOnlyList<Finding> Run(CodeFacts code, params (string Path, string Text)[] files)
    {
        var engine = new AnalysisEngine(RulePack.Default);
        var result = engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());
        return engine.AnalyzeCode(result, code);
    }

    private static IReadOnlyList<Finding> Rule(string id, CodeFacts code, params (string, string)[] files) =>
        Run(code, files).Where(f => f.RuleId == id).ToList();

    private static IReadOnlyList<EnvironmentKeySet> Environments(CodeFacts code, params (string Path, string Text)[] files)
    {
        var result = new AnalysisEngine(RulePack.Default).Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());
        return EnvironmentKeys.From(result.Views, code);
    }

    private static readonly (string, string) AppSettings = ("src/Shop/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "Stripe": { "PublishableKey": "pk_test_x" } }""");

    // --- kustomize: a base Deployment reading its variables from a ConfigMap each overlay generates ---
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: registry.example.org/shop:1.4.0
                  envFrom:
                    - configMapRef:
                        name: shop-settings
                  env:
                    - name: Stripe__WebhookSecret
                      valueFrom:
                        secretKeyRef:
                          name: shop-stripe
                          key: webhook-secret
        """;

    private static readonly (string, string)[] KustomizeBase =
    {
        ("deploy/base/kustomization.yaml", "resources:\n  - deployment.yaml\n"),
        ("deploy/base/deployment.yaml", Deployment),
    };

    private static (string, string) Overlay(string env, params string[] literals) =>
        ($"deploy/overlays/{env}/kustomization.yaml",
         "resources:\n  - ../../base\nconfigMapGenerator:\n  - name: shop-settings\n    literals:\n" + string.Concat(literals.Select(l => $"      - {l}\n")));

    // ---------------- what each environment provides ----------------

    [Fact]
    public void Environments_merge_appsettings_layering_with_the_overlay_of_the_same_name_and_map_double_underscores()
    {
        var envs = Environments(Code(),
            AppSettings,
            ("src/Shop/appsettings.Staging.json", """{ "Search": { "Url": "https://search.staging.example.org" } }"""),
            KustomizeBase[0], KustomizeBase[1],
            Overlay("staging", "ASPNETCORE_ENVIRONMENT=Staging", "Mail__Host=smtp.staging.example.org"));
        var staging = Assert.Single(envs, e => e.Class == EnvironmentClass.Staging);
        Assert.Equal(2, staging.Views.Count);
        var mail = staging.Find(Read("Mail:Host"));
        Assert.NotNull(mail);
        Assert.Equal(ProvidedBy.Value, mail!.By);
        Assert.Equal(ProvidedBy.SecretStore, staging.Find(Read("Stripe:WebhookSecret"))!.By);
        Assert.NotNull(staging.Find(Read("Search:Url")));
        Assert.NotNull(staging.Find(Read("Logging:LogLevel:Default")));
        Assert.NotNull(staging.Find(Read("Logging", section: true)));
        Assert.NotNull(staging.Find(Read("ASPNETCORE_ENVIRONMENT", ConfigKeyReadKind.EnvironmentVariable)));
        Assert.Null(staging.Find(Read("Mail:Port")));
    }

    [Fact]
    public void Key_vault_references_count_as_a_secret_store()
    {
        var envs = Environments(Code(), AppSettings,
            ("src/Shop/appsettings.Production.json", """{ "Stripe": { "SecretKey": "@Microsoft.KeyVault(SecretUri=https://shop-kv.vault.azure.net/secrets/stripe)" } }"""));
        var production = Assert.Single(envs, e => e.Class == EnvironmentClass.Production);
        Assert.Equal(ProvidedBy.SecretStore, production.Find(Read("Stripe:SecretKey"))!.By);
    }

    // ---------------- CG1007 ----------------

    [Fact]
    public void CG1007_flags_a_key_production_lacks_as_an_error_at_the_read()
    {
        var f = Assert.Single(Rule("CG1007", Code(Read("Search:Url")),
            AppSettings,
            ("src/Shop/appsettings.Staging.json", """{ "Search": { "Url": "https://search.staging.example.org" } }"""),
            ("src/Shop/appsettings.Production.json", """{ "Search": { "Timeout": 5 } }""")));
        Assert.Equal(Program, f.Path);
        Assert.Equal(7, f.Span.StartLine);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("Production", f.Environment, ignoreCase: true);
        Assert.Contains("Search:Url is read here without a default", f.Message);
        Assert.Contains("src/Shop/appsettings.Staging.json:1", f.Message);
        Assert.Equal("src/Shop/appsettings.Staging.json", Assert.Single(f.Related).Path);
    }

    [Fact]
    public void CG1007_is_a_warning_when_staging_lacks_the_key()
    {
        var f = Assert.Single(Rule("CG1007", Code(Read("Mail:Host")),
            KustomizeBase[0], KustomizeBase[1],
            Overlay("staging", "ASPNETCORE_ENVIRONMENT=Staging"),
            Overlay("production", "Mail__Host=smtp.example.org")));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("staging", f.Environment);
        Assert.Contains("envFrom ConfigMap shop-settings", f.Message);
    }

    [Fact]
    public void CG1007_compares_process_variables_only_where_environments_set_them()
    {
        var code = Code(Read("WEBHOOK_SIGNING_KEY", ConfigKeyReadKind.EnvironmentVariable));
        Assert.Single(Rule("CG1007", code,
            (".env.staging", "ASPNETCORE_ENVIRONMENT=Staging\nWEBHOOK_SIGNING_KEY=whk-staging-signing\n"),
            (".env.production", "ASPNETCORE_ENVIRONMENT=Production\n")));
        // appsettings cannot set a process variable: production here is not judged for it.
        Assert.Empty(Rule("CG1007", code,
            (".env.staging", "ASPNETCORE_ENVIRONMENT=Staging\nWEBHOOK_SIGNING_KEY=whk-staging-signing\n"),
            ("appsettings.Production.json", """{ "Shop": { "Name": "shop" } }""")));
    }

    [Fact]
    public void CG1007_leaves_defaults_optional_reads_secret_store_keys_and_keys_no_environment_has_alone()
    {
        var files = new[]
        {
            AppSettings,
            ("src/Shop/appsettings.Staging.json", """{ "Search": { "Url": "https://search.staging.example.org" }, "Features": { "Banner": "on" } }"""),
            ("src/Shop/appsettings.Production.json", """{ "Features": { "Other": "x" } }"""),
        };
        Assert.Empty(Rule("CG1007", Code(
            Read("Search:Url", ConfigKeyReadKind.GetValue, ConfigKeyRequirement.Defaulted),
            Read("Search:Url", ConfigKeyReadKind.OptionsProperty, ConfigKeyRequirement.Optional),
            Read("Features", ConfigKeyReadKind.Section, ConfigKeyRequirement.Optional, section: true),
            Read("Features", ConfigKeyReadKind.Section, ConfigKeyRequirement.Required, section: true),
            Read("Nowhere:AtAll")), files));
        // Production gets Stripe:WebhookSecret from a Secret (secretKeyRef): provided.
        Assert.Empty(Rule("CG1007", Code(Read("Stripe:WebhookSecret")),
            ("src/Shop/appsettings.Staging.json", """{ "Stripe": { "WebhookSecret": "whsec_staging_only" } }"""),
            KustomizeBase[0], KustomizeBase[1], Overlay("production", "ASPNETCORE_ENVIRONMENT=Production")));
        // A Key Vault provider in the code can supply anything.
        Assert.Empty(Rule("CG1007", Code(new[] { Read("Search:Url") }, Array.Empty<string>(), new[] { "AddAzureKeyVault" }), files));
    }

    [Fact]
    public void CG1007_does_not_judge_an_environment_whose_variables_come_from_a_secret_made_elsewhere()
    {
        var deployment = Deployment.Replace("            - configMapRef:\n                name: shop-settings\n",
            "            - configMapRef:\n                name: shop-settings\n            - secretRef:\n                name: shop-external\n");
        Assert.NotEqual(Deployment, deployment);
        Assert.Empty(Rule("CG1007", Code(Read("Mail:Host")),
            KustomizeBase[0], ("deploy/base/deployment.yaml", deployment),
            Overlay("staging", "ASPNETCORE_ENVIRONMENT=Staging", "Mail__Host=smtp.staging.example.org"),
            Overlay("production", "ASPNETCORE_ENVIRONMENT=Production")));
    }

    // ---------------- CG1008 ----------------

    [Fact]
    public void CG1008_flags_a_near_miss_of_a_read_key_that_the_environment_does_not_set()
    {
        var f = Assert.Single(Rule("CG1008", Code(Read("Stripe:SecretKey")),
            AppSettings,
            ("src/Shop/appsettings.Production.json", "{\n  \"Strpe\": { \"SecretKey\": \"from-the-vault\" }\n}\n")));
        Assert.Equal("src/Shop/appsettings.Production.json", f.Path);
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("Strpe:SecretKey", f.Message);
        Assert.Contains("rename it to Stripe:SecretKey", f.Message);
        Assert.Single(Rule("CG1008", Code(Read("STRIPE_SECRET_KEY", ConfigKeyReadKind.EnvironmentVariable)),
            (".env.production", "ASPNETCORE_ENVIRONMENT=Production\nSTRIPE_SECRT_KEY=from-the-vault\n")));
    }

    [Fact]
    public void CG1008_leaves_read_keys_siblings_of_set_keys_whole_sections_and_far_keys_alone()
    {
        var production = ("src/Shop/appsettings.Production.json",
            """{ "Stripe": { "SecretKey": "k", "SecretKay": "old" }, "Tenants": { "Acme": "1", "Acne": "2" }, "Mail": { "Hosts": "a" }, "Zzz": 1 }""");
        Assert.Empty(Rule("CG1008", Code(
            new[] { Read("Stripe:SecretKey"), Read("Tenants:Acme"), Read("Mail:Host", ConfigKeyReadKind.Indexer, ConfigKeyRequirement.Required), Read("Mail", section: true, requirement: ConfigKeyRequirement.Optional), Read("Zzzz:Key") },
            new[] { "Tenants" }), production));
    }

    [Theory]
    [InlineData("Strpe:SecretKey", "Stripe:SecretKey", true)]
    [InlineData("Stripe:SecretKye", "Stripe:SecretKey", true)]
    [InlineData("stripe:secretkey", "Stripe:SecretKey", false)]
    [InlineData("Stripe:PublicKey", "Stripe:SecretKey", false)]
    [InlineData("Stripe", "Stripe:SecretKey", false)]
    [InlineData("Db:Host", "Db:Port", false)]
    [InlineData("Smtp:Hots", "Smtp:Host", true)]
    public void CG1008_edit_distance_is_small_and_per_segment(string a, string b, bool near) =>
        Assert.Equal(near, ConfigKeyTypoRule.IsNear(a, b));

    // ---------------- CG1009 ----------------

    [Fact]
    public void CG1009_flags_a_staging_overlay_that_never_sets_the_environment_name()
    {
        var f = Assert.Single(Rule("CG1009", Code(),
            KustomizeBase[0], KustomizeBase[1],
            Overlay("staging", "Mail__Host=smtp.staging.example.org"),
            Overlay("production", "Mail__Host=smtp.example.org")));
        Assert.Equal("deploy/overlays/staging/kustomization.yaml", f.Path);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("runs as Production", f.Message);
        Assert.Contains("set ASPNETCORE_ENVIRONMENT=Staging", f.Message);
        Assert.Equal(Program, Assert.Single(f.Related).Path);
        // The project has no appsettings.Production.json: the message does not say staging loads one.
        Assert.DoesNotContain("appsettings.Production.json", f.Message);
    }

    [Fact]
    public void CG1009_names_appsettings_Production_json_only_when_the_project_has_one()
    {
        var f = Assert.Single(Rule("CG1009", Code(),
            KustomizeBase[0], KustomizeBase[1],
            ("appsettings.Production.json", "{ \"Mail\": { \"Host\": \"smtp.example.org\" } }\n"),
            Overlay("staging", "Mail__Host=smtp.staging.example.org"),
            Overlay("production", "Mail__Host=smtp.example.org")));
        Assert.Contains("runs as Production there and loads appsettings.Production.json; set ASPNETCORE_ENVIRONMENT=Staging", f.Message);
    }

    [Fact]
    public void CG1009_leaves_declared_production_hostless_and_argument_environments_alone()
    {
        Assert.Empty(Rule("CG1009", Code(), KustomizeBase[0], KustomizeBase[1], Overlay("staging", "ASPNETCORE_ENVIRONMENT=Staging")));
        Assert.Empty(Rule("CG1009", Code(), KustomizeBase[0], KustomizeBase[1], Overlay("staging", "DOTNET_ENVIRONMENT=Staging")));
        Assert.Empty(Rule("CG1009", Code(), KustomizeBase[0], KustomizeBase[1], Overlay("production", "Mail__Host=smtp.example.org")));
        Assert.Empty(Rule("CG1009", Code(Array.Empty<ConfigKeyRead>(), Array.Empty<string>(), host: false),
            KustomizeBase[0], KustomizeBase[1], Overlay("staging", "Mail__Host=smtp.staging.example.org")));
        var withArgs = Deployment.Replace("image: registry.example.org/shop:1.4.0", "image: registry.example.org/shop:1.4.0\n          args: [\"--environment\", \"Staging\"]");
        Assert.Empty(Rule("CG1009", Code(), KustomizeBase[0], ("deploy/base/deployment.yaml", withArgs), Overlay("staging", "Mail__Host=smtp.staging.example.org")));
        // Another app's .env (nothing .NET-shaped, nothing the code reads), and a file CG0003 already reports.
        Assert.Empty(Rule("CG1009", Code(), (".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@db-staging.internal/app\n")));
        Assert.Empty(Rule("CG1009", Code(), (".env.staging", "MAIL__HOST=smtp.staging.example.org\n"), (".env.production", "ASPNETCORE_ENVIRONMENT=Production\n")));
        Assert.Single(Rule("CG1009", Code(Read("DATABASE_URL", ConfigKeyReadKind.EnvironmentVariable)), (".env.staging", "DATABASE_URL=postgres://app@db-staging.internal/app\n")));
        // appsettings alone deploys nothing.
        Assert.Empty(Rule("CG1009", Code(), AppSettings, ("src/Shop/appsettings.Staging.json", """{ "A": "b" }""")));
    }

    [Fact]
    public void CG1009_flags_a_staging_dotenv_file_and_honours_configguard_ignore()
    {
        Assert.Single(Rule("CG1009", Code(), (".env.staging", "MAIL__HOST=smtp.staging.example.org\n")));
        Assert.Empty(Rule("CG1009", Code(), (".env.staging", "# configguard:ignore CG1009 set by the compose file\nMAIL__HOST=smtp.staging.example.org\n")));
    }
}
