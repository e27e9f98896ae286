using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Settings;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Configuration;

/// <summary>A repository can add its own credential formats; their regexes get the same timeout and a clear error.</summary>
public class UserCredentialTests
{
    private const string Yaml = """
        credentials:
          - id: acme-live
            provider: Acme Pay
            mode: live
            keyword: acme_live_
            pattern: '\bacme_live_[0-9a-f]{16}\b'
        """;

    [Fact]
    public void A_repository_credential_format_is_found_like_a_built_in_one()
    {
        var f = Assert.Single(Scan.Files(Yaml, (".env.staging", "APP_ENV=staging\nPAY=acme_live_0123456789abcdef\n")));
        Assert.Equal("CG0001", f.RuleId);
        Assert.Contains("Acme Pay", f.Message);
        Assert.Contains("acme_live_…cdef", f.Message);
        Assert.DoesNotContain("0123456789abcdef", f.Message);
    }

    [Theory]
    [InlineData("credentials:\n  - id: x\n    keyword: a\n    pattern: '(unclosed'\n", 4, "invalid regex")]
    [InlineData("credentials:\n  - id: x\n    pattern: 'abc'\n", 2, "without keyword")]
    [InlineData("credentials:\n  - id: x\n    mode: prod\n    keyword: a\n    pattern: a\n", 2, "unknown mode 'prod'")]
    public void Bad_user_patterns_are_errors_with_their_line(string yaml, int line, string message)
    {
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse(yaml, RulePack.Default));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }
}
