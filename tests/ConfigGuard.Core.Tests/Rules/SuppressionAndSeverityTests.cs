using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class SuppressionAndSeverityTests
{
    [Fact]
    public void An_ignore_comment_on_the_line_or_above_suppresses_only_the_named_rule()
    {
        var text = $"APP_ENV=staging\n# configguard:ignore CG0001 shared demo key, revoked\nA={Scan.StripeLive("AAAA")}\nB={Scan.StripeLive("BBBB")} # configguard:ignore CG0002 wrong rule\n";
        var f = Assert.Single(Scan.Rule("CG0001", (".env.staging", text)));
        Assert.Equal(4, f.Span.StartLine);
    }

    [Fact]
    public void Configguard_yaml_changes_severity_and_none_turns_a_rule_off()
    {
        var findings = Scan.Files("rules:\n  CG0001: warning\n  CG0003: none\n", (".env.staging", $"KEY={Scan.StripeLive()}\n"));
        var f = Assert.Single(findings);
        Assert.Equal(Model.Severity.Warning, f.Severity);
    }

    [Fact]
    public void Fingerprints_survive_edits_above_the_line()
    {
        var a = Assert.Single(Scan.Rule("CG0001", (".env.staging", $"KEY={Scan.StripeLive()}\n")));
        var b = Assert.Single(Scan.Rule("CG0001", (".env.staging", $"# new comment\nX=1\nKEY={Scan.StripeLive()}\n")));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Span.StartLine, b.Span.StartLine);
    }
}
