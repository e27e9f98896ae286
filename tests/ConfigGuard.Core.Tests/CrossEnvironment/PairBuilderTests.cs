using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

public class PairBuilderTests
{
    private static IReadOnlyList<EnvironmentPair> Pairs(params (string Path, string Text)[] files) =>
        new AnalysisEngine(RulePack.Default).Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList()).Pairs;

    [Fact]
    public void Pairs_dotenv_staging_with_production_of_the_same_folder()
    {
        var pairs = Pairs(
            ("svc/.env", "A=1\n"), ("svc/.env.staging", "B=2\n"), ("svc/.env.production", "B=3\n"),
            ("svc/.env.development", "B=4\n"), ("svc/.env.staging.local", "B=5\n"));
        var p = Assert.Single(pairs);
        Assert.Equal("svc/.env.staging", p.Staging.Primary.Path);
        Assert.Equal("svc/.env.production", p.Production.Primary.Path);
        Assert.Equal("base:svc/.env", p.Group);
        // Layering: the base value reaches both sides.
        Assert.Contains(p.Staging.Entries, e => e.Key == "A" && e.Inherited);
    }

    [Fact]
    public void Pairs_without_a_base_file_by_folder_and_never_across_folders()
    {
        var pairs = Pairs(
            ("a/.env.staging", "X=1\n"), ("a/.env.production", "X=1\n"),
            ("b/.env.staging", "X=1\n"), ("c/.env.production", "X=1\n"));
        var p = Assert.Single(pairs);
        Assert.Equal("a/.env.staging", p.Staging.Primary.Path);
        Assert.Equal("a|dotenv", p.Group);
    }

    [Fact]
    public void Pairs_every_staging_class_view_with_production()
    {
        var pairs = Pairs((".env.staging", "X=1\n"), (".env.uat", "X=1\n"), (".env.production", "X=1\n"));
        Assert.Equal(new[] { ".env.staging", ".env.uat" }, pairs.Select(p => p.Staging.Primary.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Pairs_appsettings_staging_with_production_after_layering_on_appsettings_json()
    {
        var pairs = Pairs(
            ("web/appsettings.json", "{\"Redis\": \"cache:6379,ssl=true\", \"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}}}"),
            ("web/appsettings.Staging.json", "{\"ConnectionStrings\": {\"Default\": \"Host=stg-db;Database=shop\"}}"),
            ("web/appsettings.Production.json", "{\"ConnectionStrings\": {\"Default\": \"Host=db;Database=shop\"}}"),
            ("web/.env.staging", "X=1\n"));
        var p = Assert.Single(pairs);
        Assert.Equal("web/appsettings.Staging.json", p.Staging.Primary.Path);
        Assert.Equal("web/appsettings.Production.json", p.Production.Primary.Path);
        Assert.Contains(p.Production.Entries, e => e.Key == "Redis" && e.Inherited);
    }

    [Fact]
    public void Pairs_appsettings_staging_with_the_implicit_production_view_when_there_is_no_production_file()
    {
        var p = Assert.Single(Pairs(("appsettings.json", "{\"A\": \"1\"}"), ("appsettings.Staging.json", "{\"B\": \"2\"}")));
        Assert.True(p.Production.IsImplicit);
        Assert.Equal("appsettings.json", p.Production.Primary.Path);
    }

    [Fact]
    public void Pairs_standalone_suffix_files_of_one_folder()
    {
        var p = Assert.Single(Pairs(("deploy/staging.env", "X=1\n"), ("deploy/production.env", "X=1\n")));
        Assert.Equal("deploy|suffix", p.Group);
    }

    [Fact]
    public void No_pair_without_both_sides()
    {
        Assert.Empty(Pairs((".env", "A=1\n"), (".env.staging", "X=1\n"), (".env.development", "X=1\n")));
    }
}
