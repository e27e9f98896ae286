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

    /// <summary>The comment that suppresses <paramref name="finding"/>, or null.</summary>
    public static SourceComment? FindSuppressor(Finding finding, IReadOnlyList<SourceComment> comments)
    {
        foreach (var c in comments)
        {
            bool applies = c.Line == finding.Span.StartLine || (c.IsWholeLine && c.Line == finding.Span.StartLine - 1);
            if (applies && Covers(c.Text, finding.RuleId)) return c;
        }
        return null;
    }

    public static bool Covers(string commentText, string ruleId)
    {
        if (!TryParse(commentText, out var ids, out _)) return false;
        if (ids.Count == 0) return true;
        foreach (var id in ids)
        {
            if (string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Reads a directive: the rule IDs it names (empty: every rule) and its reason (trimmed, may be empty).</summary>
    public static bool TryParse(string commentText, out IReadOnlyList<string> ruleIds, out string reason)
    {
        ruleIds = Array.Empty<string>();
        reason = "";
        if (commentText.IndexOf("configguard:ignore", StringComparison.OrdinalIgnoreCase) < 0) return false;
        Match m;
        try { m = Directive.Match(commentText); }
        catch (RegexMatchTimeoutException) { return false; }
        if (!m.Success) return false;
        var ids = new List<string>();
        foreach (var part in m.Groups["ids"].Value.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
            ids.Add(part.ToUpperInvariant());
        ruleIds = ids;
        reason = m.Groups["reason"].Value.Trim().TrimStart('-', ':', '\u2014').Trim();
        return true;
    }
}
