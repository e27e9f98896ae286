using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>
/// A placeholder stands for a value: shared by staging and production it is no shared secret (CG0005), it is no weak
/// secret (CG0010), no endpoint (CG0002) and no committed credential (CG0013). CG0008 reports the ones an app would
/// silently use, in an environment's own file; substitution slots a deployment replaces, and a base file's documented
/// slots, are left alone.
/// </summary>
public class PlaceholderValueTests
{
    private static bool IsPlaceholder(string key, string value) => RulePack.Default.Keys.IsPlaceholder(KeyNames.Normalize(key), value);

    [Theory]
    [InlineData("API_KEY", "SECRET")]
    [InlineData("DB_PASSWORD", "password")]
    [InlineData("JWT_SECRET", "CHANGE_ME")]
    [InlineData("MAPS_API_KEY", "your-key-here")]
    [InlineData("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/your/webhook/url")]
    [InlineData("NOTIFY_URL", "https://xxx.tallow-retail.net/hook")]
    [InlineData("PAYMENT_URL", "PRODUCTION_URL")]
    [InlineData("Auth:ClientId", "CLIENT_ID")]
    [InlineData("API_TOKEN", "API_TOKEN")]
    [InlineData("Storage:Key", "<KEY>")]
    [InlineData("ORDERS_TOKEN", "<orders token>")]
    [InlineData("ADMIN_PASSWORD", "********")]
    [InlineData("Storage:AzureConnectionString", "AzureStorageConnectionString")]
    [InlineData("Stripe:SecretKey", "SecretKeyStripe")]
    [InlineData("SendGrid:APIKey", "sendGridAPIKey")]
    [InlineData("Auth:ClientId", "ClientId")]
    [InlineData("Mapping:BaseUri", "https://blobName.blob.core.windows.net")]
    [InlineData("Docs:BaseUrl", "https://yoursite.blob.core.windows.net")]
    [InlineData("Vision:Endpoint", "https://namehere.cognitiveservices.azure.com/")]
    public void Placeholders(string key, string value) => Assert.True(IsPlaceholder(key, value));

    [Theory]
    [InlineData("AUTH_TYPE", "token")]
    [InlineData("WORKFLOW_ID", "SPINE_PDS_MESH_V1")]
    [InlineData("KID", "HEALTHCARE_DATA_EXCHANGE")]
    [InlineData("TODO_LIST_URL", "https://todo.tallow-retail.net")]
    [InlineData("API_KEY", "k7Qm2xVb9Lp4Zr8T")]
    [InlineData("ISOLATION", "READ_COMMITTED")]
    [InlineData("SEARCH_URL", "https://api.sphere.io/v1")]
    [InlineData("Stripe:SecretKey", "sk_q8Wm3KeyZt71Lp")]
    public void Real_values(string key, string value) => Assert.False(IsPlaceholder(key, value));

    // The rules below ask whether a value is a placeholder last, only of a value they would otherwise report: each test
    // is a value they would report but for its placeholder (the test fails with the check taken out of the rule).

    [Fact]
    public void A_URL_whose_host_is_a_placeholder_holds_no_committed_password()
    {
        var findings = Scan.Files((".env.production", "APP_ENV=production\nDATABASE_URL=postgres://admin:S3cr3tPa55@your-db-host:5432/app\n"));
        Assert.DoesNotContain(findings, f => f.RuleId == "CG0013");
    }

    [Fact]
    public void A_placeholder_URL_with_a_production_host_name_is_no_production_endpoint_in_staging()
    {
        var findings = Scan.Files(
            (".env.staging", "APP_ENV=staging\nAPI_URL=https://prod.yourdomain.com/api\n"),
            (".env.production", "APP_ENV=production\nAPI_URL=https://api.acme.io\n"));
        Assert.DoesNotContain(findings, f => f.RuleId == "CG0002");
        Assert.Contains(findings, f => f.RuleId == "CG0008" && f.Key == "API_URL");
    }

    [Fact]
    public void A_placeholder_URL_on_the_developer_s_machine_is_no_local_endpoint_in_production()
    {
        var findings = Scan.Files((".env.production", "APP_ENV=production\nAPI_URL=http://host.docker.internal:3000/your/path/here\n"));
        Assert.DoesNotContain(findings, f => f.RuleId == "CG0006");
    }

    [Fact]
    public void A_value_that_is_a_placeholder_only_under_one_production_key_is_shared_through_the_other_key()
    {
        // "a_secret" is a placeholder under A_SECRET (its own key's name written as the value) and a real value under
        // Z_SECRET. Staging's B_SECRET holds it too: shared with production's Z_SECRET, never with the placeholder
        // (which sorts first), and staging's own A_SECRET placeholder is shared with nothing.
        var findings = Scan.Files(
            (".env.staging", "APP_ENV=staging\nA_SECRET=a_secret\nB_SECRET=a_secret\n"),
            (".env.production", "APP_ENV=production\nA_SECRET=a_secret\nZ_SECRET=a_secret\n"));
        var shared = Assert.Single(findings, f => f.RuleId == "CG0005");
        Assert.Equal("B_SECRET", shared.Key);
        var related = Assert.Single(shared.Related);
        Assert.Equal(3, related.Span.StartLine);
        Assert.Contains("Z_SECRET", related.Message);
    }

    [Fact]
    public void A_placeholder_shared_by_two_environments_is_no_shared_secret()
    {
        const string both = "API_KEY=SECRET\nSTRIPE_SECRET_KEY=your-key-here\nSLACK_WEBHOOK_URL=https://hooks.slack.com/services/your/webhook/url\n" +
            "PAYMENT_URL=PRODUCTION_URL\nJWT_SECRET=CHANGE_ME\nSESSION_SECRET=<SESSION_SECRET>\nMAIL_PASSWORD=xxx\n" +
            "SENDGRID_API_KEY=SG.k7Qm2xVb9Lp4Zr8TnW3yHd6\n";
        var findings = Scan.Files((".env.staging", "APP_ENV=staging\n" + both), (".env.production", "APP_ENV=production\n" + both));
        Assert.Equal(new[] { "SENDGRID_API_KEY" }, findings.Where(f => f.RuleId is "CG0005" or "CG0002").Select(f => f.Key));
        // The one real value is a committed secret by its key (CG0013, see CommittedSecretRuleTests); the placeholders are not.
        Assert.DoesNotContain(findings, f => f.RuleId is "CG0010" or "CG0013" && f.Key != "SENDGRID_API_KEY");
    }

    [Fact]
    public void CG0008_reports_silent_placeholders_in_an_environments_own_file_only()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{\"Mesh\":{\"Key\":\"<KEY>\",\"MailboxPassword\":\"password\",\"Token\":\"changeme\"}}"),
            ("appsettings.Production.json", "{\"Pds\":{\"BaseUrl\":\"PRODUCTION_URL\",\"Cert\":\"<CERTIFICATE>\"},\"Jwt\":{\"Secret\":\"changeme\"},\"Smtp\":{\"Password\":\"password\"}}"))
            .Where(f => f.RuleId == "CG0008").ToList();
        Assert.Equal(new[] { "Jwt:Secret", "Smtp:Password" }, findings.Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("appsettings.Production.json", f.Path));
    }

    [Fact]
    public void A_throwaway_password_for_a_local_database_is_not_a_committed_credential()
    {
        var pw = "Zq8" + "local-only-pw";
        var findings = Scan.Files(
            (".env.test", $"DATABASE_URL=postgres://app:{pw}@0.0.0.0:5432/test\nCI_DATABASE_URL=postgres://app:{pw}@postgres:5432/test\n"),
            (".env.example", $"DATABASE_URL=postgres://app:{pw}@localhost:5432/app\n"),
            (".env.production", $"APP_ENV=production\nDATABASE_URL=postgres://app:{pw}@pg.tallow-retail.net:5432/app\nQUEUE_URL=amqp://app:{pw}@rabbit:5672/\n"))
            .Where(f => f.RuleId == "CG0013").ToList();
        Assert.Equal(new[] { (".env.production", 2), (".env.production", 3) }, findings.Select(f => (f.Path, f.Span.StartLine)));
    }

    [Fact]
    public void Markup_lines_of_a_whole_file_are_not_placeholders()
    {
        var keys = RulePack.Default.Keys;
        Assert.False(keys.IsFiller("503_HTML", "<!DOCTYPE html>"));
        Assert.False(keys.IsFiller("503_HTML", "<html lang=\"en\">"));
        Assert.False(keys.IsFiller("503_HTML", "</div>"));
        Assert.True(keys.IsFiller("SECRET_KEY", "<generate_with: openssl rand -hex 32>"));
    }
}
