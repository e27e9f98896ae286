using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

public class FileRuleTests
{
    private static IReadOnlyList<Model.Finding> WithFacts(string path, string text, FileFacts facts) =>
        new AnalysisEngine(RulePack.Default).Analyze(new[] { new SourceFile(path, text, facts) }).Findings;

    [Theory]
    [InlineData(".env.local", true, null)]
    [InlineData(".env.staging.local", false, false)]
    public void CG0009_flags_local_files_tracked_or_not_ignored(string path, bool tracked, bool? ignored)
    {
        Assert.Single(WithFacts(path, "X=1\n", new FileFacts(tracked, ignored)), f => f.RuleId == "CG0009");
    }

    [Theory]
    [InlineData(".env.local", false, true)]
    [InlineData(".env.local", null, null)]
    [InlineData(".env.staging", false, false)]
    public void CG0009_leaves_ignored_unknown_or_non_local_files_alone(string path, bool? tracked, bool? ignored)
    {
        Assert.DoesNotContain(WithFacts(path, "X=1\n", new FileFacts(tracked, ignored)), f => f.RuleId == "CG0009");
    }

    [Fact]
    public void CG0012_reports_a_malformed_line_and_keeps_analyzing_the_rest()
    {
        var findings = Scan.Files((".env.staging", $"APP_ENV=staging\nthis is not a setting\nKEY={Scan.StripeLive()}\n"));
        var parse = Assert.Single(findings, f => f.RuleId == "CG0012");
        Assert.Equal(2, parse.Span.StartLine);
        Assert.Single(findings, f => f.RuleId == "CG0001" && f.Span.StartLine == 3);
    }

    [Fact]
    public void CG0013_flags_committed_live_and_generic_secrets_where_CG0001_does_not_apply()
    {
        var findings = Scan.Files(
            (".env.production", $"APP_ENV=production\nSTRIPE={Scan.StripeLive()}\nAWS_KEY=AKIA" + "ABCDEFGHIJKLMNOP\n"),
            (".env.staging", $"APP_ENV=staging\nSTRIPE={Scan.StripeLive()}\n"));
        Assert.Equal(new[] { 2, 3 }, findings.Where(f => f.RuleId == "CG0013").Select(f => f.Span.StartLine));
        Assert.All(findings.Where(f => f.RuleId == "CG0013"), f => Assert.Equal(".env.production", f.Path));
        Assert.Single(findings, f => f.RuleId == "CG0001");
    }

    [Fact]
    public void CG0013_leaves_publishable_and_test_keys_alone()
    {
        Assert.Empty(Scan.Rule("CG0013", (".env.production", "PK=pk_" + "live_51HxExampleOnlyNotARealKey\nSK=" + Scan.StripeTest() + "\n")));
    }
}
