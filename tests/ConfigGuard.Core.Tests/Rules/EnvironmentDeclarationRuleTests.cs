using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class EnvironmentDeclarationRuleTests
{
    [Fact]
    public void CG0004_flags_production_declared_in_a_staging_file()
    {
        var f = Assert.Single(Scan.Rule("CG0004", (".env.staging", "APP_ENV=production\n")));
        Assert.Equal((1, 9), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("declares production", f.Message);
    }

    [Theory]
    [InlineData(".env.preprod", "APP_ENV=local", "declares development")]
    [InlineData(".env.test", "APP_ENV=production", "declares production")]
    [InlineData("appsettings.DeployedProd.json", "{\"Environment\": \"Staging\"}", "declares staging")]
    [InlineData("appsettings.Prod.json", "{\"ElasticApm\": {\"ServiceName\": \"orders\", \"Environment\": \"Dev\"}}", "declares development")]
    public void CG0004_flags_a_contradiction_where_one_side_is_deployed(string path, string text, string says)
    {
        Assert.Contains(says, Assert.Single(Scan.Rule("CG0004", (path, text + "\n"))).Message);
    }

    [Fact]
    public void CG0004_flags_a_base_declaration_that_reaches_production()
    {
        var f = Assert.Single(Scan.Rule("CG0004", (".env", "APP_ENV=development\n"), (".env.production", "X=1\n")));
        Assert.Equal(".env", f.Path);
    }

    [Theory]
    [InlineData(".env.stg", "APP_ENV=staging")]
    [InlineData(".env.staging", "APP_ENV=eu-staging")]
    [InlineData(".env.staging", "APP_ENV=${ENV}")]
    [InlineData(".env.staging", "NODE_ENV=production")]
    [InlineData(".env.production", "ASPNETCORE_ENVIRONMENT=Production")]
    [InlineData(".env.staging", "APP_ENV=blue")]
    [InlineData(".env.example", "APP_ENV=development")]
    [InlineData(".env.testing", "APP_ENV=local")]
    [InlineData(".env.test.ci", "ENVIRONMENT='local'")]
    [InlineData(".env.development", "APP_ENV=test")]
    public void CG0004_leaves_agreeing_or_unknowable_declarations_alone(string path, string line)
    {
        Assert.Empty(Scan.Rule("CG0004", (path, line + "\n")));
    }
}
