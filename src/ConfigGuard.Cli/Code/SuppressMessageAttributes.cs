using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Cli.Code;

/// <summary>
/// `[SuppressMessage("…", "CG1007")]` in the C# sources, applied to the code findings `configguard check` reports in a
/// .cs file, so that a read the build does not report (the compiler honours the attribute for analyzer diagnostics) is
/// not reported by the CLI either. The compiler resolves the attribute through symbols; the CLI has syntax only, so it
/// takes the attributes on the declarations that contain the finding (member, accessor, local function, type, and the
/// types around it) and assembly- or module-level ones that name no Scope or Target (those apply to the whole
/// compilation). A global suppression with a Target (a documentation ID such as ~M:Orders.Startup.Configure) is not
/// matched: it is left to the build, and the CLI still reports the finding. The check ID matches by the rule's ID before
/// any ':' ("CG1007" or "CG1007:Key read without a default").
/// </summary>
internal static class SuppressMessageAttributes
{
    /// <summary>The findings less those an attribute suppresses for their rule; <paramref name="suppressed"/> counts the rest.</summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees, out int suppressed)
    {
        suppressed = 0;
        var global = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            if (tree.GetRoot() is not CompilationUnitSyntax unit) continue;
            foreach (var attribute in unit.AttributeLists.SelectMany(l => l.Attributes))
            {
                if (SuppressedId(attribute) is { } id && !attribute.ArgumentList!.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText is "Scope" or "Target"))
                    global.Add(id);
            }
        }
        var byPath = trees.GroupBy(t => t.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var kept = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            bool hidden = global.Contains(f.RuleId)
                || (byPath.TryGetValue(f.Path, out var tree) && SuppressedAt(tree, f.Span.Start, f.RuleId));
            if (hidden) suppressed++;
            else kept.Add(f);
        }
        return kept;
    }

    private static bool SuppressedAt(SyntaxTree tree, int position, string ruleId)
    {
        var root = tree.GetRoot();
        if (position < 0 || position >= root.FullSpan.End) return false;
        for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
        {
            var lists = node switch
            {
                MemberDeclarationSyntax m => m.AttributeLists,
                AccessorDeclarationSyntax a => a.AttributeLists,
                LocalFunctionStatementSyntax l => l.AttributeLists,
                _ => default(SyntaxList<AttributeListSyntax>),
            };
            foreach (var attribute in lists.SelectMany(l => l.Attributes))
            {
                if (string.Equals(SuppressedId(attribute), ruleId, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    /// <summary>The rule ID a SuppressMessage (or UnconditionalSuppressMessage) attribute names, or null.</summary>
    private static string? SuppressedId(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => "",
        };
        if (name is not ("SuppressMessage" or "SuppressMessageAttribute" or "UnconditionalSuppressMessage" or "UnconditionalSuppressMessageAttribute")) return null;
        var positional = attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        if (positional is not { Count: >= 2 } || positional[1].Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return null;
        var checkId = literal.Token.ValueText;
        int colon = checkId.IndexOf(':');
        return (colon < 0 ? checkId : checkId[..colon]).Trim();
    }
}
