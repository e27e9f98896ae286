using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Checklist;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class SafetyChecklistTests
{
    private const string Staging = "APP_ENV=staging\nSENTRY_ENVIRONMENT=staging\n";
    private const string Production = "APP_ENV=production\nSENTRY_ENVIRONMENT=production\n";

    private static ChecklistReport Run(string staging, string production, EnvironmentClass target = EnvironmentClass.Staging, params SourceFile[] extra)
    {
        var files = new List<SourceFile> { new(".env.staging", staging), new(".env.production", production) };
        files.AddRange(extra);
        var result = new AnalysisEngine(RulePack.Default).Analyze(files);
        return SafetyChecklist.Evaluate(result, target, RulePack.Default, RulePack.Default.Keys.Resources);
    }

    [Fact]
    public void Every_row_passes_for_isolated_environments()
    {
        var report = Run(
            Staging + "DATABASE_URL=postgres://u@db-stg.acme.internal/shop\nREDIS_URL=redis://cache.acme.internal:6379/1\nS3_BUCKET=acme-stg\nAPP_BASE_URL=https://stg.acme.io\n" +
            "SENTRY_DSN=https://k@o1.ingest.sentry.io/2\nSENDGRID_API_KEY=SG.staging-key-123456\nSLACK_CHANNEL=#alerts-stg\nSTRIPE_SECRET_KEY=" + Scan.StripeTest() + "\nMAPS_API_KEY=maps-staging-123456\n",
            Production + "DATABASE_URL=postgres://u@db.acme.internal/shop\nREDIS_URL=redis://cache.acme.internal:6379/0\nS3_BUCKET=acme\nAPP_BASE_URL=https://acme.io\n" +
            "SENTRY_DSN=https://k@o1.ingest.sentry.io/1\nSENDGRID_API_KEY=SG.production-key-12345\nSLACK_CHANNEL=#alerts\nSTRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\nMAPS_API_KEY=maps-production-12345\nDEBUG=false\n");
        Assert.True(report.Passed, string.Join("\n", report.Rows.SelectMany(r => r.Evidence).Select(e => e.Message)));
        Assert.Equal(SafetyChecklist.Items.Select(i => i.Id), report.Rows.Select(r => r.Item.Id));
        Assert.Equal("checked DATABASE_URL", report.Rows.Single(r => r.Item.Id == "database").Note);
        Assert.Equal(new[] { ".env.staging" }, report.Configs);
    }

    [Theory]
    [InlineData("environment", "LOG_FORMAT=json\n", "")]
    [InlineData("environment", Staging + "ENVIRONMENT=production\n", "")]
    [InlineData("database", Staging + "DATABASE_URL=postgres://a:1@db.acme.internal/shop\n", "DATABASE_URL=postgres://b:2@db.acme.internal/shop\n")]
    [InlineData("database", Staging + "ConnectionStrings__Default=Host=db.acme.internal;Database=shop\n", "ConnectionStrings__Default=Host=db.acme.internal;Database=shop\n")]
    [InlineData("redis", Staging + "REDIS_URL=redis://cache.acme.internal:6379\n", "REDIS_URL=redis://cache.acme.internal:6379/0\n")]
    [InlineData("bucket", Staging + "S3_BUCKET=acme-uploads\n", "S3_BUCKET=acme-uploads\n")]
    [InlineData("shareUrl", Staging + "APP_BASE_URL=https://acme.io\n", "APP_BASE_URL=https://acme.io/\n")]
    [InlineData("errorTracking", "APP_ENV=staging\nSENTRY_DSN=https://k@o1.ingest.sentry.io/2\n", "SENTRY_DSN=https://k@o1.ingest.sentry.io/1\n")]
    [InlineData("errorTracking", Staging + "SENTRY_DSN=https://k1@o1.ingest.sentry.io/1\n", "SENTRY_DSN=https://k2@o1.ingest.sentry.io/1\n")]
    [InlineData("email", Staging + "SENDGRID_API_KEY=SG.shared-key-123456\n", "SENDGRID_API_KEY=SG.shared-key-123456\n")]
    [InlineData("slack", Staging + "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T1/B1/xyzxyzxyz\n", "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T1/B1/xyzxyzxyz\n")]
    [InlineData("slack", Staging + "SLACK_CHANNEL=#alerts\n", "SLACK_CHANNEL=alerts\n")]
    [InlineData("payment", Staging + "STRIPE_SECRET_KEY=LIVE\n", "")]
    [InlineData("apiKeys", Staging + "MAPS_API_KEY=maps-shared-123456\n", "MAPS_API_KEY=maps-shared-123456\n")]
    [InlineData("otherEndpoints", Staging + "PAYPAL_API=https://api-m.paypal.com\n", "")]
    [InlineData("debug", Staging, "DEBUG=true\n")]
    public void Each_row_fails_for_its_own_mistake_and_only_that_row(string id, string staging, string production)
    {
        staging = staging.Replace("LIVE", Scan.StripeLive());
        var report = Run(staging, Production + production);
        Assert.False(report.Passed);
        Assert.Equal(new[] { id }, report.Rows.Where(r => !r.Passed).Select(r => r.Item.Id));
        var row = report.Rows.Single(r => r.Item.Id == id);
        Assert.NotEmpty(row.Evidence);
        Assert.DoesNotContain(Scan.StripeLive(), string.Join("\n", row.Evidence.Select(e => e.Message)));
        Assert.DoesNotContain("shared-key-123456", string.Join("\n", row.Evidence.Select(e => e.Message)));
    }

    [Fact]
    public void Local_secret_file_row_fails_for_a_tracked_local_override()
    {
        var report = Run(Staging, Production, EnvironmentClass.Staging, new SourceFile(".env.staging.local", "DB_PASSWORD=x\n", new FileFacts(IsTracked: true, IsIgnored: false)));
        Assert.Equal(new[] { "localSecrets" }, report.Rows.Where(r => !r.Passed).Select(r => r.Item.Id));
    }

    [Fact]
    public void Sentry_environment_naming_another_environment_fails_error_tracking()
    {
        var report = Run("APP_ENV=staging\nSENTRY_DSN=https://k@o1.ingest.sentry.io/2\nSENTRY_ENVIRONMENT=production\n", Production);
        var row = report.Rows.Single(r => r.Item.Id == SafetyChecklist.ErrorTracking);
        Assert.Contains(row.Evidence, e => e.RuleId is null && e.Message.Contains("set it to staging"));
    }

    [Fact]
    public void Production_checklist_wants_live_payment_keys_and_counts_shared_resources()
    {
        var report = Run(Staging + "S3_BUCKET=acme\n", Production + "S3_BUCKET=acme\nSTRIPE_SECRET_KEY=" + Scan.StripeTest() + "\n", EnvironmentClass.Production);
        Assert.Equal(new[] { "bucket", "payment" }, report.Rows.Where(r => !r.Passed).Select(r => r.Item.Id));
        Assert.Equal("production", report.Environment);
    }

    [Fact]
    public void A_rule_turned_off_does_not_fail_its_row()
    {
        var settings = Settings.SettingsParser.Parse("rules:\n  CG0005: none\n", RulePack.Default);
        var result = new AnalysisEngine(RulePack.Default, settings).Analyze(new[]
        {
            new SourceFile(".env.staging", Staging + "S3_BUCKET=acme-uploads-eu\n"), new SourceFile(".env.production", Production + "S3_BUCKET=acme-uploads-eu\n"),
        });
        var report = SafetyChecklist.Evaluate(result, EnvironmentClass.Staging, RulePack.Default, RulePack.Default.Keys.Resources);
        // CG0002 (the value production uses) still fails the bucket row.
        Assert.Equal(new[] { "CG0002" }, report.Rows.Single(r => r.Item.Id == "bucket").Evidence.Select(e => e.RuleId));
    }
}
