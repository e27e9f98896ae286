using System.Reflection;
using System.Text;
using ConfigGuard.Core.Rules;

namespace ConfigGuard.RuleSource;

/// <summary>
/// Writes src/ConfigGuard.Core/Engine/RuleSet.g.cs: every concrete IFileRule, IViewRule, IPairRule and ICodeRule class
/// in ConfigGuard.Core, ordered by rule ID then class name, so a new rule class joins the engine without a hand-kept list.
/// Generated (not reflected at run time) because the CLI is trimmed and the analyzer should not scan its own assembly.
/// </summary>
public static class RuleSetSource
{
    public const string RelativePath = "src/ConfigGuard.Core/Engine/RuleSet.g.cs";

    /// <summary>The rule classes of ConfigGuard.Core with the ID each reports.</summary>
    public static IReadOnlyList<(Type Type, string Id)> RuleClasses() =>
        typeof(IFileRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && Kinds.Any(k => k.IsAssignableFrom(t)))
            .Select(t => (t, Id(t)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.t.Name, StringComparer.Ordinal)
            .ToList();

    private static readonly Type[] Kinds = { typeof(IFileRule), typeof(IViewRule), typeof(IPairRule), typeof(ICodeRule) };

    private static string Id(Type t)
    {
        var rule = Activator.CreateInstance(t, nonPublic: true)
            ?? throw new InvalidOperationException(t.FullName + " has no parameterless constructor");
        return (string)t.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.GetValue(rule)!;
    }

    public static string Generate()
    {
        var classes = RuleClasses();
        var sb = new StringBuilder();
        GeneratedFiles.CSharpHeader(sb, nameof(RuleSetSource), "a rule class in ConfigGuard.Core (or its ID)");
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("using ConfigGuard.Core.Rules;");
        sb.AppendLine();
        sb.AppendLine("namespace ConfigGuard.Core.Engine;");
        sb.AppendLine();
        sb.AppendLine("/// <summary>The built-in config rules: every rule class in ConfigGuard.Core, one instance each, by rule ID.</summary>");
        sb.AppendLine("public static class RuleSet");
        sb.AppendLine("{");
        List(sb, "IFileRule", "FileRules", "Rules over one file, whatever environment it belongs to.", classes);
        sb.AppendLine();
        List(sb, "IViewRule", "ViewRules", "Rules over the effective configuration of one environment.", classes);
        sb.AppendLine();
        List(sb, "IPairRule", "PairRules", "Rules over a staging view and the production view it pairs with, run after the view rules.", classes);
        sb.AppendLine();
        List(sb, "ICodeRule", "CodeRules", "Rules comparing the keys the C# reads with what each environment provides (run by <see cref=\"AnalysisEngine.AnalyzeCode\"/>).", classes);
        sb.AppendLine("}");
        return sb.ToString().Replace("\r\n", "\n");
    }

    private static void List(StringBuilder sb, string kind, string name, string summary, IReadOnlyList<(Type Type, string Id)> classes)
    {
        var iface = Kinds.Single(k => k.Name == kind);
        sb.AppendLine($"    /// <summary>{summary}</summary>");
        sb.AppendLine($"    public static IReadOnlyList<{kind}> {name} {{ get; }} = new {kind}[]");
        sb.AppendLine("    {");
        foreach (var (type, id) in classes.Where(c => iface.IsAssignableFrom(c.Type)))
            sb.AppendLine($"        new global::{type.FullName}(), // {id}");
        sb.AppendLine("    };");
    }
}
