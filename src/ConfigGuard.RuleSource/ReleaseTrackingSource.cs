namespace ConfigGuard.RuleSource;

/// <summary>
/// Writes src/ConfigGuard.Analyzers/AnalyzerReleases.Unshipped.md (release tracking, RS2000-RS2008): every rule that
/// AnalyzerReleases.Shipped.md does not list yet. Shipped.md is edited by hand when a release ships.
/// </summary>
public static class ReleaseTrackingSource
{
    public const string RelativePath = "src/ConfigGuard.Analyzers/AnalyzerReleases.Unshipped.md";
    public const string ShippedPath = "src/ConfigGuard.Analyzers/AnalyzerReleases.Shipped.md";

    public static string Generate(IReadOnlyList<RuleYaml> rules, string shippedText)
    {
        var shipped = shippedText.Split('\n')
            .Select(l => l.Split('|')[0].Trim())
            .Where(id => id.StartsWith("CG", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>
        {
            "; Unshipped analyzer release",
            "; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md",
            "; Generated from rules/checks/*.yaml: do not edit; run `" + GeneratedFiles.RegenerateCommand + "`.",
            "",
            "### New Rules",
            "",
            "Rule ID | Category | Severity | Notes",
            "--------|----------|----------|-------",
        };
        lines.AddRange(rules.Where(r => !shipped.Contains(r.Id))
            .Select(r => $"{r.Id} | {r.RoslynCategory} | {r.RoslynSeverity} | {r.Title}"));
        return string.Join("\n", lines) + "\n";
    }
}
