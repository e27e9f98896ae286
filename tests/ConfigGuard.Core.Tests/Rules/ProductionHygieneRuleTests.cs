using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class ProductionHygieneRuleTests
{
    [Theory]
    [InlineData("STRIPE_KEY=" + "sk_" + "test_51HxExampleOnlyNotARealKeyT3st")]
    [InlineData("PAYPAL_URL=https://api-m.sandbox.paypal.com")]
    [InlineData("DATABASE_URL=postgres://u@staging-db.internal/shop")]
    [InlineData("SQUARE=" + "sandbox-sq0csb-" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")]
    public void CG0006_flags_test_credentials_and_sandbox_endpoints_in_production(string line)
    {
        Assert.Single(Scan.Rule("CG0006", (".env.production", line + "\n")));
    }

    [Theory]
    [InlineData(".env.production", "REDIS_URL=redis://localhost:6379")]
    [InlineData(".env.production", "API=https://contest.example.com")]
    [InlineData(".env.staging", "STRIPE_KEY=" + "sk_" + "test_51HxExampleOnlyNotARealKeyT3st")]
    [InlineData(".env.production", "TEST_MODE=false")]
    public void CG0006_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0006", (path, line + "\n")));
    }

    [Theory]
    [InlineData("DEBUG=true")]
    [InlineData("APP_DEBUG=1")]
    [InlineData("ENABLE_SWAGGER=yes")]
    [InlineData("LOG_LEVEL=debug")]
    [InlineData("ENABLE_DEBUG_ENDPOINTS=true")]
    [InlineData("NODE_TLS_SKIP_VERIFY=true")]
    [InlineData("LOGTAIL_DEFAULT_LEVEL=debug")]
    [InlineData("LOGGER_LEVEL=trace")]
    public void CG0007_flags_debug_switches_in_production(string line)
    {
        Assert.Single(Scan.Rule("CG0007", (".env.production", line + "\n")));
    }

    [Theory]
    [InlineData(".env.production", "DEBUG=false")]
    [InlineData(".env.production", "LOG_LEVEL=info")]
    [InlineData(".env.staging", "DEBUG=true")]
    [InlineData(".env.production", "DEBUGGER_HOST=x")]
    [InlineData(".env.production", "LOGTAIL_DEFAULT_LEVEL=warn")]
    [InlineData(".env.production", "BLOG_TIER_LEVEL=debug")]
    [InlineData(".env.staging", "LOGGER_LEVEL=debug")]
    public void CG0007_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0007", (path, line + "\n")));
    }

    [Theory]
    [InlineData("API_KEY=changeme")]
    [InlineData("API_KEY=CHANGE_ME")]
    [InlineData("API_KEY=xxx")]
    [InlineData("API_KEY=TODO")]
    [InlineData("SECRET_KEY=<generate_with: openssl rand -hex 32>")]
    [InlineData("API_KEY=your-api-key")]
    [InlineData("STRIPE_KEY=sk_test_...")]
    [InlineData("STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxx")]
    [InlineData("JWT_SECRET=STAGING_JWT_KEY_MUST_BE_64_CHARS_AND_RANDOM")]
    [InlineData("PARTNER_API_KEY=partner-key-should-be-rotated")]
    [InlineData("DB_USER=change_me_please")]
    [InlineData("DB_CONNECTION=Server=sql-stg.tallow.net;Database=orders;User Id=orders;Password=change_me_orders;")]
    [InlineData("TELEMETRY=InstrumentationKey=your-telemetry-key-here;IngestionEndpoint=https://westus.in.telemetry.tallow.net/")]
    [InlineData("DB_CONNECTION=Host=pg-stg.tallow.net;Database=orders;Username=orders;Password=password")]
    public void CG0008_flags_placeholders_in_deployable_configs(string line)
    {
        Assert.Single(Scan.Rule("CG0008", (".env.staging", line + "\n")));
    }

    [Theory]
    [InlineData(".env.example", "API_KEY=changeme")]
    [InlineData(".env.development", "API_KEY=changeme")]
    [InlineData(".env.staging", "API_KEY=${API_KEY}")]
    [InlineData(".env.staging", "TODO_LIST_URL=https://todo.example.com")]
    [InlineData(".env.staging", "FEATURE=example")]
    [InlineData(".env.staging", "PASSWORD_RULE_MESSAGE=Passwords must be at least 12 characters")]
    [InlineData(".env.staging", "DB_CONNECTION=Server=sql-stg.tallow.net;Database=orders;User Id=orders;Password={0};")]
    [InlineData(".env.staging", "DB_CONNECTION=Server=<SERVER>;Database=orders;Password=#{OrdersDbPassword}#;")]
    [InlineData(".env.staging", "DB_CONNECTION=Server=sql-stg.tallow.net;Database=orders;User Id=orders;Password=Wq7-rPz4Lm9t;")]
    [InlineData(".env.staging", "QUERY_FILTER=status=pending;owner=me")]
    public void CG0008_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0008", (path, line + "\n")));
    }

    [Theory]
    [InlineData("SESSION_SECRET=secret123")]
    [InlineData("JWT_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("SECRET_KEY=short")]
    [InlineData("NEXTAUTH_SECRET=abababababababababababababababababab")]
    [InlineData("CHAT_API_SECRET=tallow-chat-secret-production-2025")]
    [InlineData("AUTH_JWTSECRETKEY=TallowShop-api-Prod-secretkey-for-signing")]
    [InlineData("ADMIN_PASSWORD=Prod@2025")]
    [InlineData("MAILER_PASSWORD=live-mailer-pass")]
    public void CG0010_flags_weak_signing_secrets(string line)
    {
        Assert.Single(Scan.Rule("CG0010", (".env.production", line + "\n")));
    }

    [Theory]
    [InlineData(".env.production", "SESSION_SECRET=q7J2vX9pL0sN4mB8cR1tY6wE3uI5oA2dF7gH0jK")]
    [InlineData(".env.production", "SESSION_SECRET=${SESSION_SECRET}")]
    [InlineData(".env.production", "SESSION_SECRET=")]
    [InlineData(".env.development", "SESSION_SECRET=dev")]
    [InlineData(".env.production", "DB_PASSWORD=short")]
    [InlineData(".env.production", "DB_PASSWORD=Qm7v-Tr2pLx9wZ")]
    [InlineData(".env.production", "DB_PASSWORD=prod_password")]
    [InlineData(".env.staging", "DB_PASSWORD=non-prod-password")]
    [InlineData(".env.production", "GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/google/prod-key.json")]
    [InlineData(".env.production", "AUTH_TOKEN=https://auth.tallow-retail.net/api/prod/token")]
    [InlineData(".env.production", "BACKUP_PASSPHRASE=orbit-walnut-canyon-lantern")]
    [InlineData(".env.production", "MAIL_PASSWORD=qwhe ktzu pmar odvl")]
    [InlineData(".env.production", "API_SECRET=8d1f0c7b93ae45d2b6e0f41c7a2e9b35")]
    [InlineData(".env.production", "API_SECRET=${API_SECRET}")]
    [InlineData(".env.production", "SESSION_COOKIE_NAME=prod-session-key")]
    [InlineData(".env.development", "ADMIN_PASSWORD=Dev@2025")]
    [InlineData(".env.staging.local", "ADMIN_PASSWORD=Stage@2025")]
    public void CG0010_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0010", (path, line + "\n")));
    }

    [Fact]
    public void CG0010_a_sentence_as_a_signing_key_in_a_base_that_production_inherits_is_guessable()
    {
        var findings = Scan.Rule("CG0010",
            ("appsettings.json", "{\n  \"Jwt\": {\n    \"Key\": \"Here is the signing key of our token service\"\n  }\n}\n"),
            ("appsettings.Production.json", "{\"Logging\":{\"LogLevel\":{\"Default\":\"Warning\"}}}"));
        var f = Assert.Single(findings);
        Assert.Equal(("appsettings.json", 3), (f.Path, f.Span.StartLine));
        Assert.DoesNotContain("signing key of our", f.Message);
    }

    [Theory]
    [InlineData("{\"Saml2\":{\"CertificateValidationMode\":\"None\"}}")]
    [InlineData("{\"NODE_TLS_REJECT_UNAUTHORIZED\":\"0\"}")]
    [InlineData("{\"Mailer\":{\"VerifySsl\":\"false\"}}")]
    public void CG0007_flags_certificate_checks_switched_off_in_production(string json)
    {
        Assert.Single(Scan.Rule("CG0007", ("appsettings.Production.json", json)));
    }

    [Theory]
    [InlineData("appsettings.Production.json", "{\"Saml2\":{\"CertificateValidationMode\":\"ChainTrust\"}}")]
    [InlineData("appsettings.Production.json", "{\"Mailer\":{\"VerifySsl\":\"true\"}}")]
    [InlineData("appsettings.Staging.json", "{\"Saml2\":{\"CertificateValidationMode\":\"None\"}}")]
    public void CG0007_leaves_certificate_checks_alone_when_on_or_outside_production(string path, string json)
    {
        Assert.Empty(Scan.Rule("CG0007", (path, json)));
    }

    [Fact]
    public void CG0010_a_readable_password_in_a_base_is_left_to_the_environments_but_a_signing_key_is_not()
    {
        var findings = Scan.Rule("CG0010",
            ("appsettings.json", "{\n  \"Keycloak\": { \"ClientSecret\": \"tallow-api-dev-secret\" },\n  \"Jwt\": { \"Key\": \"tallow-api-dev-signing-key-2025\" }\n}\n"),
            ("appsettings.Production.json", "{\"Logging\":{\"LogLevel\":{\"Default\":\"Warning\"}}}"));
        Assert.Equal(new[] { "Jwt:Key" }, findings.Select(f => f.Key));
    }
}
