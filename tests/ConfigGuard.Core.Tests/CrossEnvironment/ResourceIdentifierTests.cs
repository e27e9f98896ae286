using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Resources;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class ResourceIdentifierTests
{
    private static ResourceIdentity? Id(string key, string value, Dictionary<string, string>? siblings = null) =>
        ResourceIdentifier.Identify(KeyNames.Normalize(key), value, RulePack.Default.Keys,
            siblings is null ? null : k => siblings.TryGetValue(k, out var v) ? v : null);

    private static bool Same(string key, string a, string b) =>
        Id(key, a) is { } x && Id(key, b) is { } y && x.Key == y.Key;

    [Theory]
    [InlineData("DATABASE_URL", "postgres://stg:pw1@pg-main.acme.internal:5432/shop?sslmode=require", "postgres://shop:pw2@pg-main.acme.internal/shop")]
    [InlineData("DATABASE_URL", "postgresql://a@PG-MAIN.acme.internal:5432/shop", "postgres://b@pg-main.acme.internal:5432/shop")]
    [InlineData("REDIS_URL", "redis://:one@cache.acme.internal:6379", "redis://:two@cache.acme.internal:6379/0")]
    [InlineData("REDIS", "cache.acme.internal:6379,password=one,ssl=True", "cache.acme.internal:6379,password=two")]
    [InlineData("ConnectionStrings:Default", "Host=db.acme.internal;Database=shop;Username=stg;Password=a", "Host=db.acme.internal;Database=shop;Username=prod;Password=b")]
    [InlineData("UPLOADS_BUCKET", "acme-uploads", "acme-uploads")]
    [InlineData("ASSETS_STORAGE_URL", "s3://acme-uploads/images", "s3://acme-uploads/")]
    [InlineData("SENTRY_DSN", "https://aaa111@o1.ingest.sentry.io/42", "https://bbb222@o1.ingest.sentry.io/42")]
    [InlineData("SHARE_URL", "https://mina.app/s", "https://mina.app")]
    [InlineData("STRIPE_SECRET_KEY", "sk_shared_value_123456", "sk_shared_value_123456")]
    [InlineData("SLACK_CHANNEL", "#alerts", "alerts")]
    public void Same_resource(string key, string staging, string production) => Assert.True(Same(key, staging, production));

    [Theory]
    [InlineData("DATABASE_URL", "postgres://u@pg-main.acme.internal:5432/shop_staging", "postgres://u@pg-main.acme.internal:5432/shop")]
    [InlineData("DATABASE_URL", "postgres://u@pg-main.acme.internal:5433/shop", "postgres://u@pg-main.acme.internal:5432/shop")]
    [InlineData("DATABASE_URL", "mysql://u@pg-main.acme.internal/shop", "postgres://u@pg-main.acme.internal/shop")]
    [InlineData("REDIS_URL", "redis://cache.acme.internal:6379/1", "redis://cache.acme.internal:6379/0")]
    [InlineData("ConnectionStrings:Default", "Host=db.acme.internal;Database=shop_staging", "Host=db.acme.internal;Database=shop")]
    [InlineData("SENTRY_DSN", "https://aaa111@o1.ingest.sentry.io/43", "https://aaa111@o1.ingest.sentry.io/42")]
    [InlineData("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T1/B1/aaaa", "https://hooks.slack.com/services/T1/B2/bbbb")]
    [InlineData("STRIPE_SECRET_KEY", "sk_one_value_123456", "sk_two_value_123456")]
    public void Different_resource(string key, string staging, string production) => Assert.False(Same(key, staging, production));

    [Theory]
    [InlineData("DATABASE_URL", "postgres://u:p@localhost:5432/shop")]
    [InlineData("DATABASE_URL", "postgres://u:p@127.0.0.1/shop")]
    [InlineData("DATABASE_URL", "${DATABASE_URL}")]
    [InlineData("DATABASE_URL", "postgres://u:p@${DB_HOST}:5432/shop")]
    [InlineData("STRIPE_SECRET_KEY", "${STRIPE_SECRET_KEY}")]
    [InlineData("STRIPE_SECRET_KEY", "changeme")]
    [InlineData("API_KEY", "")]
    [InlineData("REDIS_URL", "redis://localhost:6379")]
    [InlineData("FEATURE_API_KEY_ENABLED", "true")]
    public void Not_judged(string key, string value) => Assert.Null(Id(key, value));

    [Fact]
    public void A_reference_in_the_password_does_not_hide_the_host_and_database()
    {
        var id = Id("DATABASE_URL", "postgres://shop:${DB_PASSWORD}@pg-main.acme.internal:5432/shop");
        Assert.NotNull(id);
        Assert.Equal("postgres database 'shop' on pg-main.acme.internal:5432", id!.Description);
    }

    [Fact]
    public void Bare_host_keys_take_their_port_and_database_siblings()
    {
        var a = Id("DB_HOST", "db.acme.internal", new() { ["DB_PORT"] = "5432", ["DB_NAME"] = "shop" });
        var b = Id("DB_HOST", "db.acme.internal", new() { ["DB_PORT"] = "5432", ["DB_NAME"] = "shop_staging" });
        var c = Id("DB_HOST", "db.acme.internal", new() { ["DB_NAME"] = "shop" });
        Assert.NotEqual(a!.Key, b!.Key);
        Assert.NotEqual(a.Key, c!.Key);
    }

    [Fact]
    public void Secrets_are_described_without_their_value()
    {
        var id = Id("SENDGRID_API_KEY", "SG.abcdefghijklmnop.qrstuvwxyz");
        Assert.True(id!.IsSecret);
        Assert.DoesNotContain("abcdefgh", id.Key + id.Description);
    }

    [Theory]
    [InlineData("DATABASE_URL", "database")]
    [InlineData("ConnectionStrings:Default", "database")]
    [InlineData("ConnectionStrings:Redis", "redis")]
    [InlineData("REDIS_URL", "redis")]
    [InlineData("S3_BUCKET", "bucket")]
    [InlineData("SENTRY_DSN", "errorTracking")]
    [InlineData("Sentry:Dsn", "errorTracking")]
    [InlineData("SMTP_PASSWORD", "email")]
    [InlineData("SENDGRID_API_KEY", "email")]
    [InlineData("SLACK_WEBHOOK_URL", "slack")]
    [InlineData("SLACK_CHANNEL", "slack")]
    [InlineData("SHARE_URL", "shareUrl")]
    [InlineData("APP_BASE_URL", "shareUrl")]
    [InlineData("GOOGLE_MAPS_API_KEY", "apiKey")]
    [InlineData("STRIPE_SECRET_KEY", "apiKey")]
    [InlineData("SESSION_SECRET", "apiKey")]
    public void Rule_pack_classes_resource_keys(string key, string cls) =>
        Assert.Equal(cls, RulePack.Default.Keys.Resources.ClassOf(KeyNames.Normalize(key)));

    [Theory]
    [InlineData("LOG_FORMAT")]
    [InlineData("LOG_LEVEL")]
    [InlineData("FEATURE_NEW_CHECKOUT")]
    [InlineData("STRIPE_PUBLISHABLE_KEY")]
    [InlineData("CDN_URL")]
    [InlineData("REDIS_PORT")]
    [InlineData("SMTP_HOST")]
    [InlineData("APP_NAME")]
    [InlineData("SENTRY_ENVIRONMENT")]
    [InlineData("JWT_EXPIRY")]
    public void Rule_pack_leaves_non_resources_out(string key) =>
        Assert.Null(RulePack.Default.Keys.Resources.ClassOf(KeyNames.Normalize(key)));
}
