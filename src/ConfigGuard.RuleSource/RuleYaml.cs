using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.RuleSource;

/// <summary>
/// One rules/checks/CGxxxx.yaml as the generators read it: the rule's public metadata, plus for code rules (CG1xxx) the
/// Roslyn message format, diagnostic category and custom tags (e.g. CompilationEnd) the analyzer reports with.
/// </summary>
public sealed record RuleYaml(
    string File,
    string Id,
    string Title,
    string? Summary,
    Severity DefaultSeverity,
    string Category,
    string Description,
    string Remediation,
    string HelpUri,
    string? MessageFormat,
    string? DiagnosticCategory,
    IReadOnlyList<string> CustomTags)
{
    /// <summary>Config rules are reported through ConfigFileAnalyzer with the engine's own message.</summary>
    public const string ConfigDiagnosticCategory = "ConfigGuard.Config";

    public bool IsCode => Category == "code";

    public string RoslynCategory => IsCode ? DiagnosticCategory ?? "" : ConfigDiagnosticCategory;

    public string RoslynMessageFormat => IsCode ? MessageFormat ?? "" : "{0}";

    public string RoslynSeverity => DefaultSeverity switch
    {
        Severity.Error => "Error",
        Severity.Warning => "Warning",
        Severity.Note => "Info",
        _ => "Hidden",
    };

    /// <summary>What the README's rule table says the rule finds: the YAML's summary, else its title.</summary>
    public string Finds => string.IsNullOrWhiteSpace(Summary) ? Title : Summary!;

    public string HelpLink => RuleDescriptor.DocsBase + HelpUri;

    /// <summary>Every rules/checks/*.yaml under the repository <paramref name="root"/>, in ID order.</summary>
    public static IReadOnlyList<RuleYaml> All(string root) =>
        Directory.GetFiles(Path.Combine(root, "rules", "checks"), "*.yaml").Select(Read).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static RuleYaml Read(string path)
    {
        var m = YamlNodes.LoadRoot(System.IO.File.ReadAllText(path))
            ?? throw new InvalidDataException(path + " is empty");
        var name = "rules/checks/" + Path.GetFileName(path);
        var id = m.GetString("id") ?? throw new InvalidDataException(name + ": no id");
        if (!SeverityNames.TryParse(m.GetString("defaultSeverity"), out var severity))
            throw new InvalidDataException(name + ": defaultSeverity must be error, warning or note");
        return new RuleYaml(name, id, m.GetString("title") ?? "", m.GetString("summary"), severity, m.GetString("category") ?? "config",
            m.GetString("description") ?? "", m.GetString("remediation") ?? "", m.GetString("helpUri") ?? "",
            m.GetString("messageFormat"), m.GetString("diagnosticCategory"), m.GetStrings("customTags"));
    }
}
