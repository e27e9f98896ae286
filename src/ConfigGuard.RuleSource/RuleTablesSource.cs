using System.Text;
using ConfigGuard.Core.Model;

namespace ConfigGuard.RuleSource;

/// <summary>
/// Writes the rule tables people read: the one in README.md (between the rules:begin and rules:end markers) and the
/// docs/rules/README.md index, both from rules/checks/*.yaml.
/// </summary>
public static class RuleTablesSource
{
    public const string ReadmePath = "README.md";
    public const string IndexPath = "docs/rules/README.md";
    public const string BeginMarker = "<!-- rules:begin (generated from rules/checks/*.yaml; do not edit by hand) -->";
    public const string EndMarker = "<!-- rules:end -->";

    /// <summary>README.md with the table between the markers replaced.</summary>
    /// <exception cref="InvalidDataException">The markers are missing or out of order.</exception>
    public static string Readme(IReadOnlyList<RuleYaml> rules, string readme)
    {
        readme = readme.Replace("\r\n", "\n");
        int begin = readme.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidDataException($"README.md needs the lines {BeginMarker} and {EndMarker} around the rule table");
        var sb = new StringBuilder();
        sb.Append(BeginMarker).Append('\n');
        sb.Append("| ID | finds | in | default |\n");
        sb.Append("|---|---|---|---|\n");
        foreach (var r in rules)
            sb.Append($"| [{r.Id}]({r.HelpUri}) | {Cell(r.Finds)} | {(r.IsCode ? "C# code" : "config files")} | {SeverityNames.ToName(r.DefaultSeverity)} |\n");
        return readme.Substring(0, begin) + sb + readme.Substring(end);
    }

    /// <summary>docs/rules/README.md: every rule with its title, default severity and what it finds.</summary>
    public static string Index(IReadOnlyList<RuleYaml> rules)
    {
        var sb = new StringBuilder();
        sb.Append("# ConfigGuard rules\n\n");
        sb.Append("<!-- Generated from rules/checks/*.yaml: do not edit; run `").Append(GeneratedFiles.RegenerateCommand).Append("`. -->\n\n");
        sb.Append("Rule IDs are a public contract: a rule keeps its ID for good. Each page says what the rule finds, why it\n");
        sb.Append("matters, a bad and a good example, and how to suppress it. Severities are defaults: `.editorconfig`\n");
        sb.Append("(`dotnet_diagnostic.CG0001.severity = warning`) changes them for the CLI, the build and the IDE alike.\n");
        Section(sb, "Config rules", "Reported by `configguard check`, the `ConfigGuardCheck` MSBuild target and, on AdditionalFiles, the analyzer.", rules.Where(r => !r.IsCode));
        Section(sb, "Code rules", "Roslyn analyzers over C# source, in the IDE and in `dotnet build`.", rules.Where(r => r.IsCode));
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string heading, string intro, IEnumerable<RuleYaml> rules)
    {
        sb.Append($"\n## {heading}\n\n{intro}\n\n");
        sb.Append("| ID | title | default | what it finds |\n");
        sb.Append("|---|---|---|---|\n");
        foreach (var r in rules)
            sb.Append($"| [{r.Id}]({r.Id}.md) | {Cell(r.Title)} | {SeverityNames.ToName(r.DefaultSeverity)} | {Cell(r.Description)} |\n");
    }

    private static string Cell(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace("|", "\\|").Replace("\n", " ");
}
