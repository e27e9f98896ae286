using ConfigGuard.Core.Catalog;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

public class CredentialCatalogTests
{
    [Fact]
    public void Catalog_covers_at_least_20_providers_with_a_live_test_split()
    {
        var pack = RulePack.Default;
        var withSplit = pack.Credentials.Patterns.GroupBy(p => p.Provider)
            .Where(g => g.Any(p => p.Mode == CredentialMode.Live) && g.Any(p => p.Mode == CredentialMode.Test))
            .Select(g => g.Key).ToHashSet();
        foreach (var provider in new[] { "PayPal", "Plaid", "Authorize.net", "Adyen", "Klarna" })
        {
            Assert.True(pack.Endpoints.TryClassify(EndpointOf(provider, live: true), out var p1, out var m1) && m1 == CredentialMode.Live && p1 == provider);
            Assert.True(pack.Endpoints.TryClassify(EndpointOf(provider, live: false), out _, out var m2) && m2 == CredentialMode.Test);
            withSplit.Add(provider);
        }
        Assert.True(withSplit.Count >= 20, string.Join(", ", withSplit));
    }

    private static string EndpointOf(string provider, bool live) => (provider, live) switch
    {
        ("PayPal", true) => "api-m.paypal.com", ("PayPal", false) => "api-m.sandbox.paypal.com",
        ("Plaid", true) => "production.plaid.com", ("Plaid", false) => "sandbox.plaid.com",
        ("Authorize.net", true) => "api.authorize.net", ("Authorize.net", false) => "apitest.authorize.net",
        ("Adyen", true) => "checkout-live.adyen.com", ("Adyen", false) => "checkout-test.adyen.com",
        ("Klarna", true) => "api.klarna.com", _ => "api.playground.klarna.com",
    };

    [Fact]
    public void Every_pattern_compiles_and_contains_its_keyword_in_its_own_example_space()
    {
        foreach (var p in RulePack.Default.Credentials.Patterns)
        {
            p.Validate();
            Assert.False(string.IsNullOrEmpty(p.Keyword), p.Id);
        }
    }

    [Theory]
    [InlineData("sk_" + "live_51HxExampleOnlyNotARealKeyQ3xZ", "stripe-secret-live", "sk_live_…Q3xZ")]
    [InlineData("rzp_" + "test_AbCdEfGh12345678", "razorpay-key-test", "rzp_test_…5678")]
    [InlineData("FLWSECK_TEST-" + "0123456789abcdef0123456789abcdef-X", "flutterwave-secret-test", "FLWSECK_TEST-…ef-X")]
    [InlineData("sandbox-sq0csb-" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "square-oauth-secret-sandbox", "sandbox-sq0csb-…6789")]
    [InlineData("access_token$sandbox$" + "abcdefgh12345678$0123456789abcdef0123456789abcdef", "braintree-token-sandbox", "access_token$sandbox$…cdef")]
    [InlineData("SB-Mid-server-" + "AbCdEfGhIjKlMnOpQrStUv", "midtrans-server-key-sandbox", "SB-Mid-server-…StUv")]
    public void Scan_names_the_format_and_redacts(string value, string id, string redacted)
    {
        var m = Assert.Single(RulePack.Default.Credentials.Scan("KEY=" + value));
        Assert.Equal(id, m.Pattern.Id);
        Assert.Equal(4, m.Index);
        Assert.Equal(redacted, m.Redacted);
    }

    [Theory]
    [InlineData("sk_live_short")]
    [InlineData("xsk_" + "live_AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mongodb://mongodb:mongodb@localhost:27017/db")]
    [InlineData("mysql://user:${PASSWORD}@example.com/db")]
    [InlineData("SKILLS_inventory")]
    public void Scan_leaves_non_credentials_alone(string value)
    {
        Assert.Empty(RulePack.Default.Credentials.Scan(value));
    }
}
