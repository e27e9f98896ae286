using System.Collections.Generic;

namespace ConfigGuard.Core.Model;

/// <summary>One inline <c>configguard:ignore</c> comment of a scanned file and whether it suppressed anything in this run.</summary>
public sealed class SuppressionDirective
{
    public SuppressionDirective(string path, int line, IReadOnlyList<string> ruleIds, string reason, bool used)
    {
        Path = path;
        Line = line;
        RuleIds = ruleIds;
        Reason = reason;
        Used = used;
    }

    public string Path { get; }
    /// <summary>1-based line of the comment.</summary>
    public int Line { get; }
    /// <summary>The rule IDs it names; empty means every rule.</summary>
    public IReadOnlyList<string> RuleIds { get; }
    public string Reason { get; }
    public bool HasReason => Reason.Length > 0;
    public bool Used { get; }
}
