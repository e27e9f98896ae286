using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class ProductionValueInStagingRuleTests
{
    private static List<Core.Model.Finding> CG0002(string staging, string production, string? baseEnv = null)
    {
        var files = new List<(string, string)> { (".env.staging", staging), (".env.production", production) };
        if (baseEnv is not null) files.Add((".env", baseEnv));
        // CG0005 off: where both rules see one line they are one finding (OneMistakeOneFindingTests); here CG0002 alone.
        return Scan.Files("rules:\n  CG0005: none\n", files.ToArray()).Where(f => f.RuleId == "CG0002").ToList();
    }

    [Fact]
    public void Flags_a_host_without_a_prod_token_that_production_uses_with_the_same_value()
    {
        // mina.app is the team's own domain: the API host under it differs between the environments.
        var f = Assert.Single(CG0002("APP_ENV=staging\nSHARE_URL=https://mina.app/s\nAPI_URL=https://api.stg.mina.app\n", "APP_ENV=production\nSHARE_URL=https://mina.app/s\nAPI_URL=https://api.mina.app\n"));
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal("SHARE_URL=https://".Length + 1, f.Span.StartColumn);
        Assert.Contains("'mina.app'", f.Message);
        Assert.Equal(".env.production", Assert.Single(f.Related).Path);
    }

    [Fact]
    public void Leaves_values_without_an_endpoint_alone()
    {
        Assert.Empty(CG0002("LOG_FORMAT=json\nWORKERS=4\n", "LOG_FORMAT=json\nWORKERS=4\n"));
    }

    [Fact]
    public void Leaves_different_values_local_hosts_and_provider_hosts_alone()
    {
        Assert.Empty(CG0002(
            "SHARE_URL=https://staging.mina.app\nDATABASE_URL=postgres://u@localhost/shop\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n",
            "SHARE_URL=https://mina.app\nDATABASE_URL=postgres://u@localhost/shop\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n"));
    }

    [Fact]
    public void Does_not_report_twice_what_the_token_rule_reports()
    {
        var f = Assert.Single(CG0002("DB_HOST=prod-db.internal\n", "DB_HOST=prod-db.internal\n"));
        Assert.Contains("its name says 'prod'", f.Message);
    }

    [Fact]
    public void Leaves_values_both_inherit_from_the_base_file_to_CG0005()
    {
        Assert.Empty(CG0002("APP_ENV=staging\n", "APP_ENV=production\n", baseEnv: "SMTP_HOST=smtp.acme-mail.com\n"));
    }

    [Fact]
    public void Flags_a_bare_bucket_production_uses()
    {
        var f = Assert.Single(CG0002("UPLOADS_BUCKET=acme-uploads\n", "UPLOADS_BUCKET=acme-uploads\n"));
        Assert.Contains("bucket 'acme-uploads'", f.Message);
    }

    [Fact]
    public void Leaves_third_party_hosts_both_environments_use_alone()
    {
        // Nothing says these domains are the team's: no environment varies a host under them.
        const string both = "OPENAI_BASE=https://api.openai.com/v1\nWEATHER_API=https://api.weatherfeed.io/v2\nCMS_URL=https://eu-west-2.cdn.hygraph.com/content/abc123/master\nSMTP_HOST=smtp.gmail.com\n";
        Assert.Empty(CG0002("APP_ENV=staging\n" + both, "APP_ENV=production\n" + both));
    }

    [Fact]
    public void Flags_a_shared_host_under_the_teams_own_domain_whatever_the_key()
    {
        var findings = CG0002(
            "APP_ENV=staging\nORDERS_API=https://orders.tallow-retail.net/v1\nWEB_URL=https://staging.tallow-retail.net\n",
            "APP_ENV=production\nORDERS_API=https://orders.tallow-retail.net/v1\nWEB_URL=https://tallow-retail.net\n");
        Assert.Equal(new[] { "ORDERS_API" }, findings.Select(f => f.Key));
    }

    [Fact]
    public void A_tenants_own_subdomain_on_a_provider_is_the_teams()
    {
        var f = Assert.Single(CG0002("APP_ENV=staging\nIDP_METADATA=https://tallow.okta.com/app/a1/sso/saml/metadata\n",
            "APP_ENV=production\nIDP_METADATA=https://tallow.okta.com/app/a1/sso/saml/metadata\n"));
        Assert.Contains("tallow.okta.com", f.Message);
        // Okta's preview cell is its sandbox: staging on it is right; production on it is CG0006 (ModeSwitch/endpoint tests).
        Assert.Empty(CG0002("APP_ENV=staging\nIDP_METADATA=https://tallow.oktapreview.com/app/a1/sso/saml/metadata\n",
            "APP_ENV=production\nIDP_METADATA=https://tallow.oktapreview.com/app/a1/sso/saml/metadata\n"));
    }
}
