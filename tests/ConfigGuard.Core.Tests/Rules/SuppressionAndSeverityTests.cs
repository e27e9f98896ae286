using ConfigGuard.Core.Model;
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

    [Fact]
    public void The_result_lists_every_ignore_comment_with_its_reason_and_whether_it_was_used()
    {
        var text = $"APP_ENV=staging\n# configguard:ignore CG0001 shared demo key, revoked\nA={Scan.StripeLive("AAAA")}\n# configguard:ignore CG0001\nB={Scan.StripeLive("BBBB")}\nC=1 # configguard:ignore CG0002, CG0005 -- nothing here any more\n";
        var engine = new ConfigGuard.Core.Engine.AnalysisEngine(ConfigGuard.Core.Catalog.RulePack.Default);
        var result = engine.Analyze(new[] { new ConfigGuard.Core.Model.SourceFile(".env.staging", text) });
        Assert.Equal(2, result.Suppressed);
        Assert.Collection(result.SuppressionDirectives,
            d => { Assert.Equal(2, d.Line); Assert.True(d.Used); Assert.Equal("shared demo key, revoked", d.Reason); Assert.Equal(new[] { "CG0001" }, d.RuleIds); },
            d => { Assert.Equal(4, d.Line); Assert.True(d.Used); Assert.False(d.HasReason); },
            d => { Assert.Equal(6, d.Line); Assert.False(d.Used); Assert.Equal(new[] { "CG0002", "CG0005" }, d.RuleIds); Assert.Equal("nothing here any more", d.Reason); });
    }
}
