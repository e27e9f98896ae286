using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

/// <summary>
/// A URL counts as a placeholder when one of its segments is one (https://api.your-domain.com). Segments that cannot
/// be one are turned away before the segment regex runs; the quick test may let through a segment that is no
/// placeholder, never turn away one that is.
/// </summary>
public class UrlSegmentPrefilterTests
{
    private static bool IsPlaceholder(string key, string value) => RulePack.Default.Keys.IsPlaceholder(KeyNames.Normalize(key), value);

    [Theory]
    [InlineData("https://api.your-domain.com/v1")]
    [InlineData("https://mysite.azurewebsites.net")]
    [InlineData("https://hooks.slack.com/services/xxx/yyy")]
    [InlineData("https://host-here.example.net")]
    [InlineData("https://<tenant>.example.net")]
    [InlineData("https://[region].example.net")]
    [InlineData("https://storagename.blob.core.windows.net")]
    [InlineData("https://subdomain.example.net")]
    [InlineData("https://CHANGEME.example.net")]
    public void Urls_with_a_placeholder_segment_stay_placeholders(string url) =>
        Assert.True(IsPlaceholder("SERVICE_URL", url));

    [Theory]
    [InlineData("https://api.stripe.com/v1")]
    [InlineData("postgres://app@prod-db.internal:5432/orders")]
    [InlineData("https://ledger.staging.example.net")]
    [InlineData("redis://cache-01.acme.io:6379")]
    public void Real_urls_are_no_placeholders(string url) =>
        Assert.False(IsPlaceholder("SERVICE_URL", url));

    [Fact]
    public void For_random_segments_the_quick_test_never_turns_away_a_placeholder()
    {
        // Pieces of the regex's alternatives and ordinary URL words, joined and cased at random, with a Kelvin sign now
        // and then (case-insensitive matching takes it for k).
        string[] pieces =
        {
            "your", "my", "site", "domain", "app", "company", "tenant", "account", "name", "key", "url", "host", "token",
            "secret", "value", "id", "here", "x", "xx", "change", "replace", "me", "-", "_", "<", ">", "[", "]", ".",
            "sub", "blob", "bucket", "storage", "service", "api", "prod", "db", "01", "cache", "\u212A", "e",
        };
        var random = new Random(20261201);
        int placeholders = 0;
        for (int n = 0; n < 200_000; n++)
        {
            var parts = new string[random.Next(1, 5)];
            for (int i = 0; i < parts.Length; i++)
            {
                var p = pieces[random.Next(pieces.Length)];
                parts[i] = random.Next(3) == 0 ? p.ToUpperInvariant() : p;
            }
            var segment = string.Concat(parts);
            bool placeholder = KeyCatalog.UrlSegmentPlaceholder.IsMatch(segment);
            if (placeholder) placeholders++;
            Assert.True(!placeholder || KeyCatalog.MayBeUrlSegmentPlaceholder(segment), $"'{segment}' is a placeholder segment the quick test would turn away");
        }
        Assert.True(placeholders > 5_000, $"only {placeholders} random segments were placeholders: the test would prove little");
    }
}
