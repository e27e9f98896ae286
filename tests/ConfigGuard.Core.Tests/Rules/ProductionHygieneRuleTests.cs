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
    public void CG0007_flags_debug_switches_in_production(string line)
    {
        Assert.Single(Scan.Rule("CG0007", (".env.production", line + "\n")));
    }

    [Theory]
    [InlineData(".env.production", "DEBUG=false")]
    [InlineData(".env.production", "LOG_LEVEL=info")]
    [InlineData(".env.staging", "DEBUG=true")]
    [InlineData(".env.production", "DEBUGGER_HOST=x")]
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
    public void CG0008_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0008", (path, line + "\n")));
    }

    [Theory]
    [InlineData("SESSION_SECRET=secret123")]
    [InlineData("JWT_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("SECRET_KEY=short")]
    [InlineData("NEXTAUTH_SECRET=abababababababababababababababababab")]
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
    public void CG0010_leaves_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0010", (path, line + "\n")));
    }
}
