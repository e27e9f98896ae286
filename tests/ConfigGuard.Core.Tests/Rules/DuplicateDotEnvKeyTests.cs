using ConfigGuard.Core.Tests.Parsing;
using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>CG0019 in .env files: a key set twice with different values, where the loader silently keeps the last one.</summary>
public class DuplicateDotEnvKeyTests
{
    private const string Twice = "APP_ENV=staging\nREPORTS_BUCKET=reports-staging-eu\nMAIL_FROM=desk@staging.example.org\nREPORTS_BUCKET=reports-eu\n";

    [Fact]
    public void The_reference_reader_keeps_the_last_value_without_an_error()
    {
        var values = DotEnvNetReference.Read(Twice);
        Assert.Equal("reports-eu", values["REPORTS_BUCKET"]);
    }

    [Fact]
    public void A_key_set_again_with_another_value_is_reported_at_the_line_that_has_no_effect()
    {
        var f = Assert.Single(Scan.Rule("CG0019", (".env.staging", Twice)));
        Assert.Equal((2, "REPORTS_BUCKET"), (f.Span.StartLine, f.Key));
        Assert.Equal(Model.Severity.Warning, f.Severity);
        Assert.Contains("line 4", f.Message);
        Assert.Contains(f.Related, r => r.Span.StartLine == 4);
    }

    [Fact]
    public void A_secret_set_twice_is_not_echoed()
    {
        var f = Assert.Single(Scan.Rule("CG0019", (".env.production", "SESSION_SECRET=Hk29fQp0wLz7Ye4cVb81NsR6tGm3Ua5D\nSESSION_SECRET=Zq81mT4vXw0Lp6Rc2Yb7Nk3Hs9Gd5Fj1\n")));
        Assert.DoesNotContain("Hk29fQp0wLz7Ye4cVb81NsR6tGm3Ua5D", f.Message + f.RedactedValue);
    }

    [Theory]
    [InlineData(".env.staging", "LOG_LEVEL=info\nLOG_LEVEL=info\n")]          // the same value twice changes nothing
    [InlineData(".env.staging", "SMTP_HOST=\nSMTP_HOST=mail.example.org\n")]  // declared empty, filled in below
    [InlineData(".env.example", "API_URL=https://api.example.org\nAPI_URL=http://localhost:8080\n")] // a template shows options
    [InlineData(".env.staging", "API_URL=https://api.example.org\n# API_URL=http://localhost:8080\n")] // a comment is not a setting
    public void Repeats_that_change_nothing_are_not_reported(string path, string text) =>
        Assert.Empty(Scan.Rule("CG0019", (path, text)));
}
