using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Comparison;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class EnvironmentDiffBuilderTests
{
    private static List<EnvironmentDiff> Diff(string left, string right, params (string Path, string Text)[] files)
    {
        var engine = new AnalysisEngine(RulePack.Default);
        var result = engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());
        return EnvironmentDiffBuilder.Build(result.Views, left, right, RulePack.Default, engine.CreateSink());
    }

    [Fact]
    public void Lists_missing_keys_either_side_same_values_and_shared_resources()
    {
        var d = Assert.Single(Diff("staging", "production",
            (".env", "LOG_FORMAT=json\n"),
            (".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://stg:pw-one-1234@db.acme.internal/shop\nSTAGING_ONLY=1\nWORKERS=2\n"),
            (".env.production", "APP_ENV=production\nDATABASE_URL=postgres://prd:pw-two-5678@db.acme.internal/shop\nWORKERS=4\nPROD_ONLY=1\n")));
        var rows = d.Rows.ToDictionary(r => r.Key);
        Assert.Equal(DiffStatus.Same, rows["LOG_FORMAT"].Status);
        Assert.True(rows["LOG_FORMAT"].InheritedByBoth);
        Assert.Equal(DiffStatus.Shared, rows["DATABASE_URL"].Status);
        Assert.Contains("db.acme.internal", rows["DATABASE_URL"].SharedResource);
        Assert.Equal(DiffStatus.OnlyLeft, rows["STAGING_ONLY"].Status);
        Assert.Equal(DiffStatus.OnlyRight, rows["PROD_ONLY"].Status);
        Assert.Equal(DiffStatus.Different, rows["WORKERS"].Status);
        Assert.Equal(DiffStatus.Different, rows["APP_ENV"].Status);
        var all = string.Join("\n", d.Rows.Select(r => r.Left + " " + r.Right));
        Assert.DoesNotContain("pw-one-1234", all);
        Assert.DoesNotContain("pw-two-5678", all);
    }

    [Fact]
    public void Secrets_are_redacted()
    {
        var d = Assert.Single(Diff("staging", "production",
            (".env.staging", "STRIPE_SECRET_KEY=" + Scan.StripeLive() + "\nJWT_KEY=a-signing-key-that-is-secret\n"),
            (".env.production", "STRIPE_SECRET_KEY=" + Scan.StripeLive() + "\nJWT_KEY=a-signing-key-that-is-secret\n")));
        var all = string.Join("\n", d.Rows.Select(r => r.Left + " " + r.Right));
        Assert.DoesNotContain(Scan.StripeLive(), all);
        Assert.DoesNotContain("signing-key", all);
        Assert.Equal(DiffStatus.Shared, d.Rows.Single(r => r.Key == "STRIPE_SECRET_KEY").Status);
    }

    [Fact]
    public void Appsettings_compare_after_layering_and_by_alias()
    {
        var d = Assert.Single(Diff("stg", "prod",
            ("appsettings.json", "{\"A\": \"1\", \"B\": \"base\"}"),
            ("appsettings.Staging.json", "{\"B\": \"staging\"}"),
            ("appsettings.Production.json", "{\"C\": \"3\"}")));
        Assert.Equal("appsettings.Production.json", d.Right.Primary.Path);
        var rows = d.Rows.ToDictionary(r => r.Key);
        Assert.True(rows["A"].InheritedByBoth);
        Assert.Equal(DiffStatus.Different, rows["B"].Status);
        Assert.Equal(DiffStatus.OnlyRight, rows["C"].Status);
    }

    [Fact]
    public void Only_views_of_one_group_are_compared()
    {
        Assert.Empty(Diff("staging", "production", ("a/.env.staging", "X=1\n"), ("b/.env.production", "X=1\n")));
    }
}
