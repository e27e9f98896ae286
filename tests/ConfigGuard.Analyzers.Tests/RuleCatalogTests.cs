using System.Reflection;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>Reflects over the analyzer assembly: every rule has its descriptor, doc page, help link and release entry.</summary>
public class RuleCatalogTests
{
    private static readonly string[] AllIds =
    {
        "CG0001", "CG0002", "CG0003", "CG0004", "CG0005", "CG0006", "CG0007", "CG0008", "CG0009", "CG0010", "CG0011", "CG0012", "CG0013", "CG0014", "CG0017", "CG0018", "CG0019",
        "CG1001", "CG1002", "CG1003", "CG1004", "CG1005", "CG1006", "CG1007", "CG1008", "CG1009",
    };

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
        Assert.Equal(AllIds, analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(i => i));
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
    public void Has_a_help_link_and_a_doc_page_with_every_section(string id)
    {
        var d = Descriptor(id);
        Assert.Equal($"https://github.com/configguard/configguard/blob/main/docs/rules/{id}.md", d.HelpLinkUri);
        Assert.Equal($"docs/rules/{id}.md", RulePack.Default.Rule(id).HelpUri);
        var page = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {d.Title}", text);
        // Config rules (CG0xxx) are suppressed in the config file (configguard:ignore), not with #pragma.
        var sections = id.StartsWith("CG0", StringComparison.Ordinal)
            ? new[] { "## What it finds", "## Why", "## Bad", "## Good", "## Suppressing", $"dotnet_diagnostic.{id}.severity" }
            : new[] { "## What it finds", "## Why", "## Bad", "## Good", "## How to suppress", "#pragma warning disable " + id, $"dotnet_diagnostic.{id}.severity" };
        foreach (var section in sections)
        {
            Assert.Contains(section, text);
        }
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
