using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// Inline suppressions: a comment <c>configguard:ignore CG0001[,CG0002] reason</c> on the finding's line, or alone
/// on the line above it (<c>#</c> in .env and YAML, <c>//</c> in appsettings JSON). Without IDs it covers every rule.
/// </summary>
public static class Suppressions
{
    private static readonly Regex Directive = new(@"configguard:ignore(?<ids>(?:[\s,]+CG\d{4})*)(?<reason>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));

    public static bool IsSuppressed(Finding finding, IReadOnlyList<SourceComment> comments)
    {
        foreach (var c in comments)
        {
            bool applies = c.Line == finding.Span.StartLine || (c.IsWholeLine && c.Line == finding.Span.StartLine - 1);
            if (applies && Covers(c.Text, finding.RuleId)) return true;
        }
        return false;
    }

    public static bool Covers(string commentText, string ruleId)
    {
        if (commentText.IndexOf("configguard:ignore", StringComparison.OrdinalIgnoreCase) < 0) return false;
        Match m;
        try { m = Directive.Match(commentText); }
        catch (RegexMatchTimeoutException) { return false; }
        if (!m.Success) return false;
        var ids = m.Groups["ids"].Value;
        if (ids.Trim().Length == 0) return true;
        return ids.IndexOf(ruleId, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
