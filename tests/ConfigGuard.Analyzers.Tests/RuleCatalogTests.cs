using System.Reflection;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// Reflects over the analyzer assembly: analyzers are sealed and attributed, each ID has one analyzer, and every
/// descriptor agrees with the rule pack, links its doc page and is in release tracking. Which rules must exist comes from
/// rules/checks/*.yaml (RuleSourceTests).
/// </summary>
public class RuleCatalogTests
{
    public static IEnumerable<DiagnosticAnalyzer> Analyzers() =>
        typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    public static IEnumerable<object[]> Descriptors() =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => new object[] { d.Id });

    private static DiagnosticDescriptor Descriptor(string id) =>
        Analyzers().SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);

    [Fact]
    public void Every_rule_has_exactly_one_sealed_analyzer_carrying_the_attribute()
    {
        var analyzers = Analyzers().ToList();
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct(), ids);
        foreach (var a in analyzers)
        {
            Assert.True(a.GetType().IsSealed, a.GetType().Name);
            Assert.NotNull(a.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>());
            Assert.EndsWith("Analyzer", a.GetType().Name);
        }
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Title_and_default_severity_equal_the_rule_pack(string id)
    {
        var d = Descriptor(id);
        var rule = RulePack.Default.Rule(id);
        Assert.Equal(rule.Title, d.Title.ToString());
        var expected = rule.DefaultSeverity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            Severity.Note => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };
        Assert.Equal(expected, d.DefaultSeverity);
        Assert.True(d.IsEnabledByDefault);
        Assert.Equal(id.StartsWith("CG0", StringComparison.Ordinal) ? "config" : "code", rule.Category);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Has_a_help_link_to_its_doc_page(string id)
    {
        Assert.Equal($"https://github.com/configguard/configguard/blob/main/docs/rules/{id}.md", Descriptor(id).HelpLinkUri);
        Assert.Equal($"docs/rules/{id}.md", RulePack.Default.Rule(id).HelpUri);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Is_listed_in_release_tracking_with_its_category_and_severity(string id)
    {
        var d = Descriptor(id);
        var folder = Path.Combine(RepoPaths.Root, "src", "ConfigGuard.Analyzers");
        var lines = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md")))
            .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal)).ToList();
        var cells = Assert.Single(lines).Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(d.Category, cells[1]);
        Assert.Equal(d.DefaultSeverity.ToString(), cells[2]);
    }
}
