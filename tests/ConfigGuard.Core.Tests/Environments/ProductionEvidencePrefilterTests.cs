using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Core.Tests.Environments;

/// <summary>
/// The prefilter must never hide a finding: whenever it says a value cannot name production, no endpoint the
/// extractor finds in that value has a production reason.
/// </summary>
public class ProductionEvidencePrefilterTests
{
    private static readonly RulePack Pack = RulePack.Default;

    private static bool AnyProduction(EndpointClassifier classifier, string value) =>
        EndpointExtractor.Extract("", value, Pack.Keys).Any(p => classifier.ProductionReason(p) is not null);

    [Theory]
    [InlineData("https://api.example.com/v1/items")]
    [InlineData("Host=db4.internal;Database=orders")]
    [InlineData("https://api.sandbox.paypal.com/v2")]
    [InlineData("cache.example.net:6379,ssl=true")]
    public void Values_without_production_evidence_fail_it(string value)
    {
        var classifier = new EndpointClassifier(Pack);
        Assert.False(classifier.MayNameProduction(value));
        Assert.False(AnyProduction(classifier, value));
    }

    [Theory]
    [InlineData("https://api.PRD.example.com/v1")]                 // a token, upper case
    [InlineData("Host=db.internal;Database=Orders_Prd")]           // a token of a database name
    [InlineData("https://API.KLARNA.COM/payments")]                // a live provider host with no token, upper case
    [InlineData("https://eu-live.adyenpayments.com/checkout")]     // a wildcard suffix (and the token)
    [InlineData("postgres://app@db.example.com/%70rod")]           // a percent-encoded database name: always passes
    public void Values_that_only_just_carry_evidence_pass_it_and_are_production(string value)
    {
        var classifier = new EndpointClassifier(Pack);
        Assert.True(classifier.MayNameProduction(value));
        Assert.True(AnyProduction(classifier, value));
    }

    [Theory]
    [InlineData("https://product-service.example.com")]
    [InlineData("https://reproduce.example.com")]
    [InlineData("https://shop.live")]
    public void Passing_it_is_not_a_finding(string value)
    {
        var classifier = new EndpointClassifier(Pack);
        Assert.True(classifier.MayNameProduction(value));   // "prod", "live" occur: the classifier decides
        Assert.False(AnyProduction(classifier, value));
    }

    [Fact]
    public void Listed_hosts_and_domains_are_evidence()
    {
        var classifier = new EndpointClassifier(Pack, new[] { "sql01.corp.example" }, new[] { "*.payments.example" });
        Assert.True(classifier.MayNameProduction("Server=SQL01.corp.example;Database=shop"));
        Assert.True(AnyProduction(classifier, "Server=SQL01.corp.example;Database=shop"));
        Assert.True(classifier.MayNameProduction("https://gw.payments.example/x"));
        Assert.True(AnyProduction(classifier, "https://gw.payments.example/x"));
        Assert.False(classifier.MayNameProduction("Server=sql02.corp.example;Database=shop"));
    }

    [Fact]
    public void A_piece_of_evidence_outside_ASCII_turns_the_prefilter_off()
    {
        var classifier = new EndpointClassifier(Pack, new[] { "bücher.example" });
        Assert.True(classifier.MayNameProduction("https://api.example.com"));
    }

    [Fact]
    public void Keywords_are_lower_case_and_minimal()
    {
        var prefilter = new ProductionEvidencePrefilter(Pack, Array.Empty<string>(), Array.Empty<string>());
        Assert.Contains("prod", prefilter.Keywords);
        Assert.DoesNotContain("production", prefilter.Keywords);   // covered by prod
        Assert.All(prefilter.Keywords, k => Assert.Equal(k.ToLowerInvariant(), k));
    }

    /// <summary>Random URLs, connection strings and Redis strings built from production-ish and harmless pieces.</summary>
    [Fact]
    public void Never_hides_a_production_endpoint_in_random_values()
    {
        var classifier = new EndpointClassifier(Pack, new[] { "sql01.corp.example" });
        var words = Gen.Elements("api", "prod", "Prod", "PRD", "live", "LIVE", "shopprod", "prodshop", "product", "reproduce", "devices",
            "staging", "db", "eu", "sql01", "corp", "example", "klarna", "adyen", "paypal", "sandbox", "api-m", "pal-live", "x1", "%70rod", "ünï");
        var host = Gen.Choose(1, 4).SelectMany(n => words.ArrayOf(n)).Select(ws => string.Join(".", ws) + ".com");
        var value = Gen.OneOf(
            host.Select(h => $"https://{h}/v1"),
            Gen.Zip(host, words).Select(t => $"postgres://u:pw@{t.Item1}:5432/{t.Item2}"),
            Gen.Zip(host, words).Select(t => $"Host={t.Item1};Database={t.Item2}"),
            host.Select(h => $"{h}:6379,ssl=true"),
            host.Select(h => h.ToUpperInvariant()).Select(h => $"HTTPS://{h}"));
        var config = Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(3UL, 17UL);
        Check.One(config, Prop.ForAll(value.ToArbitrary(), v =>
        {
            if (!classifier.MayNameProduction(v)) Assert.False(AnyProduction(classifier, v), v);
        }));
    }
}
