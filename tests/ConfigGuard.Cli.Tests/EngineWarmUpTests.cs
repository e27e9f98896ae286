using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using ConfigGuard.Scanning;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// The warm-up that runs beside git: it must finish on its own, find what its made-up files hold (so it really ran the
/// rules), and leave every real scan's report as it would be without it.
/// </summary>
public class EngineWarmUpTests
{
    [Fact]
    public void The_warm_up_runs_the_rules_to_the_end_on_its_made_up_files()
    {
        var warm = EngineWarmUp.Start(RulePack.Default, ConfigGuardSettings.Empty);
        Assert.True(warm.Wait(TimeSpan.FromSeconds(60)), "the warm-up did not finish");
        // Staging and production share one database user on different hosts: nothing to report; -1 would be a failure.
        Assert.True(warm.Result >= 0, "the warm-up failed");
    }

    [Fact]
    public void An_analysis_beside_a_warm_up_finds_what_it_finds_alone()
    {
        var files = new[]
        {
            new SourceFile(".env.staging", "APP_ENV=staging\nSTRIPE_SECRET_KEY=sk_live_51HxExampleOnlyNotARealKeyQ3xZ\nDATABASE_URL=postgres://app@prod-db.internal:5432/app\n"),
            new SourceFile(".env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@prod-db.internal:5432/app\n"),
        };
        string Report() => string.Join("\n", new AnalysisEngine(RulePack.Default).Analyze(files).Findings.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine} {f.Message}"));
        for (int round = 0; round < 5; round++)
        {
            var warm = EngineWarmUp.Start(RulePack.Default, ConfigGuardSettings.Empty);
            var beside = Report();
            warm.Wait();
            var after = Report();
            Assert.Equal(after, beside);
            Assert.Contains("CG0001 .env.staging:2", after);
            Assert.Contains("CG0002 .env.staging:3", after);
        }
    }
}
