using System.Text;

namespace ConfigGuard.RuleSource;

/// <summary>
/// Writes src/ConfigGuard.Analyzers/DiagnosticDescriptors.cs from rules/checks/*.yaml: one descriptor per rule, with
/// its ID, title, severity, description and help link as literals, so release tracking (RS2000-RS2008) can read them.
/// Config rules (CG0xxx) carry the engine's own finding message ("{0}"); code rules their YAML messageFormat and
/// customTags (CompilationEnd for a rule reported at compilation end).
/// </summary>
public static class DiagnosticDescriptorsSource
{
    // Not *.g.cs: see GeneratedFiles.CSharpHeader.
    public const string RelativePath = "src/ConfigGuard.Analyzers/DiagnosticDescriptors.cs";

    public static string Generate(IReadOnlyList<RuleYaml> rules)
    {
        var sb = new StringBuilder();
        GeneratedFiles.CSharpHeader(sb, nameof(DiagnosticDescriptorsSource), markGenerated: false);
        sb.AppendLine("using System.Collections.Immutable;");
        sb.AppendLine("using Microsoft.CodeAnalysis;");
        sb.AppendLine();
        sb.AppendLine("namespace ConfigGuard.Analyzers;");
        sb.AppendLine();
        sb.AppendLine("/// <summary>");
        sb.AppendLine("/// ConfigGuard's rules as diagnostics: code rules (CG1xxx) and config rules (CG0xxx, reported by");
        sb.AppendLine("/// <see cref=\"ConfigFileAnalyzer\"/> inside AdditionalFiles). A descriptor's severity is the default:");
        sb.AppendLine("/// .editorconfig and configguard.yaml may change it per file. IDs are a public contract: never renumber.");
        sb.AppendLine("/// </summary>");
        sb.AppendLine("public static class DiagnosticDescriptors");
        sb.AppendLine("{");
        foreach (var r in rules)
        {
            sb.AppendLine($"    /// <summary>{r.Id}: {Xml(r.Title)}.</summary>");
            sb.AppendLine($"    public static readonly DiagnosticDescriptor {r.Id} = new(");
            sb.AppendLine($"        {S(r.Id)},");
            sb.AppendLine($"        {S(r.Title)},");
            sb.AppendLine($"        {S(r.RoslynMessageFormat)},");
            sb.AppendLine($"        {S(r.RoslynCategory)},");
            sb.AppendLine($"        DiagnosticSeverity.{r.RoslynSeverity},");
            sb.AppendLine("        isEnabledByDefault: true,");
            sb.AppendLine($"        description: {S(r.Description)},");
            if (r.CustomTags.Count == 0)
            {
                sb.AppendLine($"        helpLinkUri: {S(r.HelpLink)});");
            }
            else
            {
                sb.AppendLine($"        helpLinkUri: {S(r.HelpLink)},");
                sb.AppendLine($"        customTags: new[] {{ {string.Join(", ", r.CustomTags.Select(S))} }});");
            }
            sb.AppendLine();
        }
        sb.AppendLine("    /// <summary>The config rules (reported by ConfigFileAnalyzer) in ID order.</summary>");
        sb.AppendLine("    public static readonly ImmutableArray<DiagnosticDescriptor> ConfigRules = ImmutableArray.Create(");
        var config = rules.Where(r => !r.IsCode).Select(r => r.Id).ToList();
        for (int i = 0; i < config.Count; i++) sb.AppendLine($"        {config[i]}{(i == config.Count - 1 ? ");" : ",")}");
        sb.AppendLine("}");
        return sb.ToString().Replace("\r\n", "\n");
    }

    /// <summary>A C# string literal.</summary>
    internal static string S(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
