using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Engine;

/// <summary>The baseline and suppression notes every front end applies after the engine (RunFinisher, Baseline.Parse).</summary>
public class RunFinisherTests
{
    private const string Staging = "APP_ENV=staging\nOLD_KEY=sk_live_51HxAcceptedOnceNotARealKeyR7tQ\n# configguard:ignore CG0001\nDEMO_KEY=sk_live_51HxDemoOnlyNotARealKeyAtAllW2pK\nNEW_KEY=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\n";

    private static AnalysisResult Analyze() =>
        new AnalysisEngine(RulePack.Default).Analyze(new[] { new SourceFile(".env.staging", Staging) });

    private static string BaselineJson(params string[] fingerprints) =>
        "{ \"tool\": \"configguard\", \"version\": 1, \"findings\": [" +
        string.Join(",", fingerprints.Select(f => $"{{ \"fingerprint\": \"{f}\", \"ruleId\": \"CG0001\", \"path\": \".env.staging\", \"key\": \"K\" }}")) + "] }";

    [Fact]
    public void A_baselined_finding_is_left_out_and_counted_and_the_others_stay()
    {
        var result = Analyze();
        var old = Assert.Single(result.Findings, f => f.Key == "OLD_KEY");
        var baseline = Baseline.Parse(BaselineJson(old.Fingerprint), out var error, out _);
        Assert.Null(error);

        var finished = RunFinisher.Finish(result.Findings, result.Notices, result.SuppressionDirectives, baseline);

        Assert.Equal(1, finished.Baselined);
        Assert.Equal(new[] { "NEW_KEY" }, finished.Findings.Select(f => f.Key));
        Assert.DoesNotContain(finished.Notices, n => n.Message.Contains("stale baseline"));
    }

    [Fact]
    public void A_baseline_entry_nothing_matches_is_a_stale_note_and_a_reasonless_suppression_is_a_note()
    {
        var result = Analyze();
        var baseline = Baseline.Parse(BaselineJson("0123456789abcdef0123"), out _, out _);

        var finished = RunFinisher.Finish(result.Findings, result.Notices, result.SuppressionDirectives, baseline);

        Assert.Equal(0, finished.Baselined);
        Assert.Equal(2, finished.Findings.Count);
        Assert.Contains(finished.Notices, n => n.Path == Baseline.DefaultFileName && n.Message.StartsWith("stale baseline entry CG0001 .env.staging K (0123456789ab)"));
        Assert.Contains(finished.Notices, n => n.Path == ".env.staging" && n.Line == 3 && n.Location.StartsWith(".env.staging:3:") && n.Message.StartsWith("configguard:ignore CG0001 has no reason"));
    }

    [Fact]
    public void Without_a_baseline_every_finding_stays()
    {
        var result = Analyze();
        var finished = RunFinisher.Finish(result.Findings, result.Notices, result.SuppressionDirectives, baseline: null);
        Assert.Equal(result.Findings, finished.Findings);
        Assert.Equal(0, finished.Baselined);
    }

    [Theory]
    [InlineData("{ \"findings\": [] }", null)]
    [InlineData("{ \"tool\": \"configguard\" }", "not a ConfigGuard baseline (no 'findings' array)")]
    [InlineData("{ \"findings\": \"none\" }", "not a ConfigGuard baseline (no 'findings' array)")]
    [InlineData("{ \"findings\": [ { \"ruleId\": \"CG0001\" } ] }", "a baseline entry has no 'fingerprint'")]
    [InlineData("{ \"findings\": [ ", "baseline is not valid JSON")]
    public void Reads_a_baseline_or_says_why_not(string text, string? expectedError)
    {
        var baseline = Baseline.Parse(text, out var error, out _);
        if (expectedError is null)
        {
            Assert.NotNull(baseline);
            Assert.Empty(baseline!.Entries);
        }
        else
        {
            Assert.Null(baseline);
            Assert.StartsWith(expectedError, error);
        }
    }
}
