using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class LiveCredentialInNonProductionRuleTests
{
    [Fact]
    public void Flags_a_live_stripe_key_in_env_staging_at_the_key_itself()
    {
        var f = Assert.Single(Scan.Rule("CG0001", (".env.staging", $"APP_ENV=staging\nSTRIPE_SECRET_KEY={Scan.StripeLive()}\n")));
        Assert.Equal((2, 19), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Equal("staging", f.Environment);
        Assert.Contains("sk_live_…Q3xZ", f.Message);
        Assert.DoesNotContain(Scan.StripeLive(), f.Message);
    }

    [Theory]
    [InlineData(".env.development")]
    [InlineData(".env.test")]
    [InlineData(".env.example")]
    [InlineData(".env.uat")]
    [InlineData("deploy/staging/.env")]
    public void Flags_live_keys_in_every_non_production_environment(string path)
    {
        Assert.Single(Scan.Rule("CG0001", (path, $"KEY={Scan.StripeLive()}\n")));
    }

    [Fact]
    public void Flags_a_base_value_that_reaches_staging_at_the_base_line()
    {
        var f = Assert.Single(Scan.Rule("CG0001",
            (".env", $"STRIPE_SECRET_KEY={Scan.StripeLive()}\n"),
            (".env.staging", "APP_ENV=staging\n"),
            (".env.production", "APP_ENV=production\n")));
        Assert.Equal(".env", f.Path);
        Assert.Contains("through .env.staging", f.Message);
    }

    [Fact]
    public void Does_not_flag_a_base_value_that_staging_overrides()
    {
        Assert.Empty(Scan.Rule("CG0001",
            (".env", $"STRIPE_SECRET_KEY={Scan.StripeLive()}\n"),
            (".env.staging", $"STRIPE_SECRET_KEY={Scan.StripeTest()}\n")));
    }

    [Fact]
    public void Does_not_flag_live_keys_in_production_or_test_keys_in_staging()
    {
        Assert.Empty(Scan.Rule("CG0001",
            (".env.production", $"STRIPE_SECRET_KEY={Scan.StripeLive()}\n"),
            (".env.staging", $"STRIPE_SECRET_KEY={Scan.StripeTest()}\n")));
    }

    [Fact]
    public void Does_not_flag_filler_keys_or_plain_words()
    {
        Assert.Empty(Scan.Rule("CG0001", (".env.staging",
            "A=sk_live_xxxxxxxxxxxxxxxx\nB=live_mode\nC=the live site\nD=sk_live_\n")));
    }

    [Theory]
    [InlineData("rzp_" + "live_" + "AbCdEfGh12345678")]
    [InlineData("FLWSECK-" + "0123456789abcdef0123456789abcdef-X")]
    [InlineData("xnd_" + "production_" + "AbCdEfGhIjKlMnOpQrStUvWx")]
    [InlineData("access_token$production$" + "abcdefgh12345678$0123456789abcdef0123456789abcdef")]
    [InlineData("pdl_" + "live_apikey_" + "01abcdefghijklmnopqrstuvwx")]
    [InlineData("sq0csp-" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")]
    [InlineData("Mid-server-" + "AbCdEfGhIjKlMnOpQrStUv")]
    public void Flags_live_keys_of_other_providers(string key)
    {
        Assert.Single(Scan.Rule("CG0001", (".env.staging", $"KEY={key}\n")));
    }
}
