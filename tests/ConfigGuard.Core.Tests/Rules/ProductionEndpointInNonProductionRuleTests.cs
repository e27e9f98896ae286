using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class ProductionEndpointInNonProductionRuleTests
{
    [Theory]
    [InlineData("DATABASE_URL=postgres://u:p@prod.host:5432/shop", "prod.host")]
    [InlineData("DATABASE_URL=postgres://u:p@db.internal:5432/shop_production", "shop_production")]
    [InlineData("REDIS_URL=redis://prod-redis:6379/0", "prod-redis")]
    [InlineData("DB_HOST=db-prd-01.internal", "db-prd-01.internal")]
    [InlineData("S3_BUCKET=shop-uploads-prod", "shop-uploads-prod")]
    [InlineData("CONN=Server=tcp:sql-production.example.com,1433;Database=shop", "sql-production.example.com")]
    [InlineData("PAYPAL_API=https://api-m.paypal.com/v2", "api-m.paypal.com")]
    [InlineData("PLAID_URL=https://production.plaid.com", "production.plaid.com")]
    public void Flags_production_endpoints_in_staging(string line, string expectedPart)
    {
        var f = Assert.Single(Scan.Rule("CG0002", (".env.staging", "APP_ENV=staging\n" + line + "\n")));
        Assert.Contains($"'{expectedPart}'", f.Message);
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal(line.IndexOf(expectedPart, StringComparison.Ordinal) + 1, f.Span.StartColumn);
    }

    [Theory]
    [InlineData("API_URL=https://product-service.internal/api")]
    [InlineData("DB_HOST=reproduce.example.com")]
    [InlineData("KAFKA_HOST=producer.internal")]
    [InlineData("SHOP_URL=https://shop.live")]
    [InlineData("DATABASE_URL=postgres://u:p@localhost:5432/prod")]
    [InlineData("LABEL=Production")]
    [InlineData("APP_ENV=staging")]
    [InlineData("DATABASE_URL=postgres://u:p@${DB_HOST}:5432/x")]
    [InlineData("PAYPAL_API=https://api-m.sandbox.paypal.com")]
    public void Does_not_flag_names_that_only_look_like_prod(string line)
    {
        Assert.Empty(Scan.Rule("CG0002", (".env.staging", line + "\n")));
    }

    [Fact]
    public void Does_not_flag_production_pointing_at_production()
    {
        Assert.Empty(Scan.Rule("CG0002", (".env.production", "DATABASE_URL=postgres://u:p@prod.host/shop\n")));
    }

    [Fact]
    public void Flags_hosts_listed_in_configguard_yaml()
    {
        var findings = Scan.Files("production:\n  hosts: [mina.app]\n  domains: [corp.example]\n",
            (".env.staging", "API=https://mina.app/x\nDB_HOST=db.corp.example\nOTHER=https://staging.mina.app\n"))
            .Where(f => f.RuleId == "CG0002").ToList();
        Assert.Equal(new[] { 1, 2 }, findings.Select(f => f.Span.StartLine));
    }

    [Fact]
    public void A_feature_flag_server_both_environments_reach_is_by_design_but_its_token_is_not()
    {
        const string shared = "FLAGS_API_TOKEN=fl4g-7Qm2xVb9Lp4Zr8TnW3yHd6Kc\n";
        var findings = Scan.Files(
            (".env.staging", "APP_ENV=staging\nSITE_URL=https://staging.tallow-retail.net\nUNLEASH_URL=https://flags.tallow-retail.net/api\nFLAGS_URL=https://unleash.tallow-retail.net/api\nORDERS_API=https://orders.tallow-retail.net\n" + shared),
            (".env.production", "APP_ENV=production\nSITE_URL=https://www.tallow-retail.net\nUNLEASH_URL=https://flags.tallow-retail.net/api\nFLAGS_URL=https://unleash.tallow-retail.net/api\nORDERS_API=https://orders.tallow-retail.net\n" + shared));
        Assert.Equal(new[] { "ORDERS_API" }, findings.Where(f => f.RuleId == "CG0002").Select(f => f.Key));
        Assert.Contains(findings, f => f.RuleId == "CG0005" && f.Key == "FLAGS_API_TOKEN");
    }
}
