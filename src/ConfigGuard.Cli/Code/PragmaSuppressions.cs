using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Cli.Code;

/// <summary>
/// `#pragma warning disable/restore CGxxxx` in the C# sources, applied to the code findings `configguard check` reports at
/// a read in a .cs file, so that a read the build does not report (the compiler honours the pragma) is not reported by the
/// CLI either. Roslyn exposes a tree's pragma state only through a compilation, which the CLI does not build, so the
/// directives are replayed here in source order: a directive applies from its own position on, `disable` with no IDs
/// disables every warning, `restore` with no IDs restores every one. A pragma disables an analyzer's diagnostic whatever its
/// severity (only compiler errors resist it), so severities are not looked at.
/// </summary>
internal static class PragmaSuppressions
{
    private sealed record Directive(int Position, bool Disable, IReadOnlyList<string> Ids);

    /// <summary>The findings less those at a position a pragma disables for their rule; <paramref name="suppressed"/> counts the rest.</summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees, out int suppressed)
    {
        suppressed = 0;
        var byPath = new Dictionary<string, List<Directive>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var directives = tree.GetRoot().DescendantTrivia()
                .Where(t => t.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia))
                .Select(t => t.GetStructure()).OfType<PragmaWarningDirectiveTriviaSyntax>()
                .Where(p => p.IsActive)
                .Select(p => new Directive(p.SpanStart, p.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword),
                    p.ErrorCodes.Select(c => c is IdentifierNameSyntax id ? id.Identifier.ValueText : c.ToString().Trim()).ToList()))
                .ToList();
            if (directives.Count > 0) byPath[tree.FilePath] = directives;
        }
        if (byPath.Count == 0) return findings;
        var kept = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            if (byPath.TryGetValue(f.Path, out var directives) && Disabled(directives, f.RuleId, f.Span.Start)) suppressed++;
            else kept.Add(f);
        }
        return kept;
    }

    private static bool Disabled(List<Directive> directives, string ruleId, int position)
    {
        bool disabled = false;
        foreach (var d in directives)
        {
            if (d.Position > position) break;
            if (d.Ids.Count == 0 || d.Ids.Contains(ruleId, StringComparer.OrdinalIgnoreCase)) disabled = d.Disable;
        }
        return disabled;
    }
}
