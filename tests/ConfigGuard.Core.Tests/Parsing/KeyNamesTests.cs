using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>One spelling for keys across formats; a key already in that spelling is returned as it is (no copy per rule and entry).</summary>
public class KeyNamesTests
{
    [Theory]
    [InlineData("DATABASE_URL", "DATABASE_URL")]
    [InlineData("Sentry:Environment", "SENTRY_ENVIRONMENT")]
    [InlineData("SENTRY__ENVIRONMENT", "SENTRY_ENVIRONMENT")]
    [InlineData("ConnectionStrings:Default", "CONNECTIONSTRINGS_DEFAULT")]
    [InlineData("app.name-with space", "APP_NAME_WITH_SPACE")]
    [InlineData("A___B", "A__B")]
    [InlineData("redis_url", "REDIS_URL")]
    [InlineData("KEY_", "KEY_")]
    [InlineData("_", "_")]
    [InlineData("", "")]
    [InlineData("STRAẞE", "STRAẞE")]
    [InlineData("straße", "STRAßE")]
    public void Keys_are_spelled_one_way(string key, string normalized) => Assert.Equal(normalized, KeyNames.Normalize(key));

    [Theory]
    [InlineData("DATABASE_URL")]
    [InlineData("API_KEY_2")]
    [InlineData("_")]
    public void A_key_already_in_that_spelling_is_returned_itself(string key) => Assert.Same(key, KeyNames.Normalize(key));

    [Fact]
    public void An_entry_normalizes_its_key_once_and_agrees_with_KeyNames()
    {
        var entry = new ConfigEntry("Jwt:Signing__Key", "v", default, default);
        Assert.Equal("JWT_SIGNING_KEY", entry.NormalizedKey);
        Assert.Same(entry.NormalizedKey, entry.NormalizedKey);
    }
}
