using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Settings;
using Xunit;

namespace ConfigGuard.Core.Tests.Configuration;

/// <summary>A bad configguard.yaml reports every problem with its place in one run, in file order, not only the first.</summary>
public class SettingsErrorsTests
{
    [Fact]
    public void Every_problem_is_collected_in_file_order()
    {
        const string yaml = "names:\n  nightly: [n1]\nenvironments:\n  stagin: [\"a/**\"]\n  production: [\"p/**\"]\nsecrets: [x]\nrules:\n  CG0001: loud\n  CG0002: warning\nexclude:\n  - { a: 1 }\n";
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse(yaml, RulePack.Default));
        Assert.Equal(
            new[] { (2, 3), (4, 3), (6, 10), (8, 11), (11, 5) },
            e.Errors.Select(x => (x.Line, x.Column)).ToArray());
        Assert.Contains("unknown environment class 'nightly'", e.Errors[0].Message);
        Assert.Contains("unknown environment 'stagin'", e.Errors[1].Message);
        Assert.Contains("'secrets' must be a mapping", e.Errors[2].Message);
        Assert.Contains("'loud' is not a severity", e.Errors[3].Message);
        Assert.Contains("items of 'exclude' must be plain values", e.Errors[4].Message);
        // The exception itself reads as the first problem (callers that show one still show the right one).
        Assert.Equal(e.Errors[0].Message, e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void A_valid_file_and_a_single_problem_behave_as_before()
    {
        var ok = SettingsParser.Parse("rules:\n  CG0007: error\nproduction:\n  hosts: [db.example.net]\n", RulePack.Default);
        Assert.Single(ok.ProductionHosts);
        var one = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse("rules:\n  CG0007: loud\n", RulePack.Default));
        Assert.Single(one.Errors);
        Assert.Same(one, one.Errors[0]);
    }

    [Theory]
    // A flow list left open: YamlDotNet's representation model throws a bare InvalidOperationException on it.
    [InlineData("production:\n  hosts: [db.acme.internal\nrules: {CG0001: error\n")]
    [InlineData("rules:\n  CG0007: error\nexclude: [\"vendor/**\"\n")]
    public void Unreadable_yaml_names_a_place_after_the_first_line_and_no_exception_type(string yaml)
    {
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse(yaml, RulePack.Default));
        Assert.DoesNotContain("Exception", e.Message);
        Assert.True(e.Line > 1, $"line {e.Line}: {e.Message}");
    }
}
