using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Resources;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>
/// Public multi-tenant endpoints (rules/endpoints.yaml multiTenant): the host is every customer's, so the same host in
/// staging and production is no shared resource; the tenant part each provider puts in the URL is what is compared.
/// </summary>
public class MultiTenantEndpointTests
{
    private static List<Finding> SeparationFindings(string staging, string production) =>
        Scan.Files((".env.staging", "APP_ENV=staging\n" + staging), (".env.production", "APP_ENV=production\n" + production))
            .Where(f => f.RuleId is "CG0002" or "CG0005").ToList();

    private static ResourceIdentity? Id(string key, string value) => ResourceIdentifier.Identify(KeyNames.Normalize(key), value, RulePack.Default.Keys);

    [Fact]
    public void Shared_public_hosts_are_not_shared_resources()
    {
        const string both =
            "PAYMENTS_API_URL=https://api.stripe.com/v1\nSMTP_HOST=smtp.gmail.com\nMAIL_URL=smtp://smtp.sendgrid.net:587\nFONTS_URL=https://fonts.googleapis.com/css2\n" +
            "NPM_REGISTRY=https://registry.npmjs.org/\nAPP_URL=https://tallow-retail.net\nAI_BASE_URL=https://api.openai.com/v1\n";
        Assert.Equal(new[] { "APP_URL" }, SeparationFindings(both, both).Select(f => f.Key).Distinct());
    }

    [Theory]
    [InlineData("SENTRY_DSN", "https://k1@o11.ingest.sentry.io/42", "https://k2@o11.ingest.sentry.io/42", true)]
    [InlineData("SENTRY_DSN", "https://k1@o11.ingest.sentry.io/42", "https://k1@o11.ingest.sentry.io/43", false)]
    [InlineData("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T1/B1/c1", "https://hooks.slack.com/services/T1/B1/c1", true)]
    [InlineData("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T1/B1/c1", "https://hooks.slack.com/services/T1/B2/c2", false)]
    [InlineData("UPLOADS_STORAGE_URL", "https://s3.amazonaws.com/tallow-uploads/img", "https://s3.amazonaws.com/tallow-uploads", true)]
    [InlineData("UPLOADS_STORAGE_URL", "https://s3.amazonaws.com/tallow-uploads-stg", "https://s3.amazonaws.com/tallow-uploads", false)]
    [InlineData("BLOB_STORAGE_URL", "https://tallowstg.blob.core.windows.net", "https://tallow.blob.core.windows.net", false)]
    [InlineData("BLOB_STORAGE_URL", "https://tallow.blob.core.windows.net/a", "https://tallow.blob.core.windows.net/b", true)]
    public void The_tenant_part_decides(string key, string staging, string production, bool shared)
    {
        var a = Id(key, staging);
        var b = Id(key, production);
        Assert.NotNull(a);
        Assert.Equal(shared, a!.Key == b?.Key);
    }

    [Fact]
    public void A_url_without_a_tenant_on_a_public_host_is_no_resource()
    {
        Assert.Null(Id("SHARE_URL", "https://fonts.googleapis.com/css2"));
        Assert.Null(Id("APP_BASE_URL", "https://api.stripe.com"));
    }

    [Fact]
    public void The_catalog_is_data_with_a_tenant_part_per_provider()
    {
        var resources = RulePack.Default.Keys.Resources;
        Assert.Equal(TenantPart.LastPath, resources.MultiTenantFor("o11.ingest.sentry.io")!.Tenant);
        Assert.Equal(TenantPart.Path, resources.MultiTenantFor("hooks.slack.com")!.Tenant);
        Assert.Equal(TenantPart.None, resources.MultiTenantFor("fonts.googleapis.com")!.Tenant);
        Assert.True(resources.IsProviderHost("registry.npmjs.org"));
        Assert.False(resources.IsProviderHost("tallow.blob.core.windows.net"));
        Assert.Null(resources.MultiTenantFor("tallow-retail.net"));
    }
}
