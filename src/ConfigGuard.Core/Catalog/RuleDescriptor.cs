using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Catalog;

/// <summary>A rule's public metadata (rules/checks/CGxxxx.yaml): the ID is a public contract.</summary>
public sealed class RuleDescriptor
{
    public RuleDescriptor(string id, string title, Severity defaultSeverity, string category, string description, string remediation, string helpUri)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Description = description;
        Remediation = remediation;
        HelpUri = helpUri;
    }

    public string Id { get; }
    public string Title { get; }
    public Severity DefaultSeverity { get; }
    /// <summary>"config" (engine rules) or "code" (Roslyn analyzers).</summary>
    public string Category { get; }
    public string Description { get; }
    public string Remediation { get; }
    /// <summary>Repository-relative path of the rule's doc page (docs/rules/CG0001.md).</summary>
    public string HelpUri { get; }

    /// <summary>Where the repository's files are published; help links are this plus <see cref="HelpUri"/>.</summary>
    public const string DocsBase = "https://github.com/configguard/configguard/blob/main/";

    /// <summary>The absolute help link every front end shows (SARIF helpUri, build output, Markdown).</summary>
    public string HelpLink => DocsBase + HelpUri;
}
