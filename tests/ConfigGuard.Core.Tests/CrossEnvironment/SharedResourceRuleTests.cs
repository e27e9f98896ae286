using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class SharedResourceRuleTests
{
    private static List<Core.Model.Finding> CG0005(string staging, string production, string? baseEnv = null, string? settings = null)
    {
        var files = new List<(string, string)> { (".env.staging", staging), (".env.production", production) };
        if (baseEnv is not null) files.Add((".env", baseEnv));
        return Scan.Files(settings, files.ToArray()).Where(f => f.RuleId == "CG0005").ToList();
    }

    [Fact]
    public void Same_host_and_database_with_different_passwords_is_shared()
    {
        var f = Assert.Single(CG0005(
            "APP_ENV=staging\nDATABASE_URL=postgres://stg:stg-pass-1@pg-main.acme.internal:5432/shop\n",
            "APP_ENV=production\nLOG_FORMAT=json\nDATABASE_URL=postgres://shop:prod-pass-2@pg-main.acme.internal:5432/shop\n"));
        Assert.Equal(".env.staging", f.Path);
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal(14, f.Span.StartColumn);
        Assert.Equal("staging", f.Environment);
        var related = Assert.Single(f.Related);
        Assert.Equal(".env.production", related.Path);
        Assert.Equal(3, related.Span.StartLine);
        Assert.Contains("postgres database 'shop' on pg-main.acme.internal:5432", f.Message);
        Assert.DoesNotContain("stg-pass-1", f.Message + f.RedactedValue);
        Assert.DoesNotContain("prod-pass-2", f.Message + f.RedactedValue + related.Message);
    }

    [Fact]
    public void Same_host_with_a_different_database_is_not_shared()
    {
        Assert.Empty(CG0005("DATABASE_URL=postgres://u@pg-main.acme.internal:5432/shop_staging\n", "DATABASE_URL=postgres://u@pg-main.acme.internal:5432/shop\n"));
    }

    [Fact]
    public void Localhost_in_both_is_not_shared()
    {
        Assert.Empty(CG0005("DATABASE_URL=postgres://u@localhost:5432/shop\nREDIS_URL=redis://localhost:6379\n",
            "DATABASE_URL=postgres://u@localhost:5432/shop\nREDIS_URL=redis://localhost:6379\n"));
    }

    [Fact]
    public void References_are_not_judged()
    {
        Assert.Empty(CG0005("DATABASE_URL=${DATABASE_URL}\nSTRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\n",
            "DATABASE_URL=${DATABASE_URL}\nSTRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\n"));
    }

    [Fact]
    public void Non_resource_keys_with_equal_values_are_not_shared()
    {
        Assert.Empty(CG0005("LOG_FORMAT=json\nFEATURE_X=true\nCDN_URL=https://cdn.acme.com\nSTRIPE_PUBLISHABLE_KEY=pk_same_value_12345\n",
            "LOG_FORMAT=json\nFEATURE_X=true\nCDN_URL=https://cdn.acme.com\nSTRIPE_PUBLISHABLE_KEY=pk_same_value_12345\n"));
    }

    [Fact]
    public void Same_secret_value_is_shared_and_never_printed()
    {
        var secret = "SG." + "a1b2c3d4e5f6g7h8i9j0k1";
        var f = Assert.Single(CG0005($"SENDGRID_API_KEY={secret}\n", $"SENDGRID_API_KEY={secret}\n"));
        Assert.Contains("the same secret value", f.Message);
        Assert.DoesNotContain(secret, f.Message);
        Assert.Null(f.RedactedValue);
        Assert.Null(f.RawValue);
    }

    [Fact]
    public void Redis_db_number_bucket_dsn_project_and_share_host_are_compared()
    {
        var findings = CG0005(
            "REDIS_URL=redis://cache.acme.internal:6379/0\nUPLOADS_BUCKET=acme-uploads\nSENTRY_DSN=https://k1@o1.ingest.sentry.io/42\nSHARE_URL=https://mina.app/s\nQUEUE_REDIS_URL=redis://cache.acme.internal:6379/3\n",
            "REDIS_URL=redis://cache.acme.internal:6379\nUPLOADS_BUCKET=acme-uploads\nSENTRY_DSN=https://k2@o1.ingest.sentry.io/42\nSHARE_URL=https://mina.app\nQUEUE_REDIS_URL=redis://cache.acme.internal:6379/4\n");
        Assert.Equal(new[] { "REDIS_URL", "UPLOADS_BUCKET", "SENTRY_DSN", "SHARE_URL" }, findings.Select(f => f.Key));
    }

    [Fact]
    public void A_production_value_under_another_key_counts()
    {
        var f = Assert.Single(CG0005("REDIS_URL=redis://cache.acme.internal:6379/0\n", "CACHE_URL=redis://cache.acme.internal:6379/0\n"));
        Assert.Contains("under CACHE_URL", f.Message);
    }

    [Fact]
    public void A_base_value_both_inherit_is_reported_once_at_the_base_line()
    {
        var f = Assert.Single(CG0005("APP_ENV=staging\n", "APP_ENV=production\n", baseEnv: "LOG_FORMAT=json\nDATABASE_URL=postgres://u@db.acme.internal/shop\n"));
        Assert.Equal(".env", f.Path);
        Assert.Equal(2, f.Span.StartLine);
        Assert.Contains("reaches both staging and production", f.Message);
    }

    [Fact]
    public void A_base_value_staging_overrides_is_not_shared()
    {
        Assert.Empty(CG0005("DATABASE_URL=postgres://u@db-stg.acme.internal/shop\n", "APP_ENV=production\n", baseEnv: "DATABASE_URL=postgres://u@db.acme.internal/shop\n"));
    }

    [Fact]
    public void Appsettings_compare_after_layering()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{\"ConnectionStrings\": {\"Default\": \"Host=db.acme.internal;Database=shop\"}, \"Sentry\": {\"Dsn\": \"https://k@o1.ingest.sentry.io/7\"}}"),
            ("appsettings.Staging.json", "{\"ConnectionStrings\": {\"Default\": \"Host=db.acme.internal;Database=shop;Password=x\"}, \"Sentry\": {\"Dsn\": \"https://k@o1.ingest.sentry.io/8\"}}"))
            .Where(f => f.RuleId == "CG0005").ToList();
        // Production is appsettings.json alone (the implicit view): the staging connection string shares its database.
        var f = Assert.Single(findings);
        Assert.Equal("appsettings.Staging.json", f.Path);
        Assert.Equal("appsettings.json", f.Related[0].Path);
    }

    [Fact]
    public void Configguard_yaml_adds_and_exempts_resource_keys()
    {
        const string staging = "ACME_TENANT=tenant-4711\nSESSION_SECRET=same-session-secret-value\n";
        const string production = "ACME_TENANT=tenant-4711\nSESSION_SECRET=same-session-secret-value\n";
        Assert.Equal(new[] { "SESSION_SECRET" }, CG0005(staging, production).Select(f => f.Key));
        var custom = CG0005(staging, production, settings: "resources:\n  keys: [ACME_TENANT]\n  exempt: [SESSION_*]\n");
        Assert.Equal(new[] { "ACME_TENANT" }, custom.Select(f => f.Key));
    }

    [Fact]
    public void Suppression_on_the_staging_line_works()
    {
        Assert.Empty(CG0005("# configguard:ignore CG0005 shared on purpose\nUPLOADS_BUCKET=acme-uploads\n", "UPLOADS_BUCKET=acme-uploads\n"));
    }
}
