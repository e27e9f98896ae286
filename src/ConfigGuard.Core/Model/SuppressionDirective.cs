using System.Collections.Generic;

namespace ConfigGuard.Core.Model;

/// <summary>One inline <c>configguard:ignore</c> comment of a scanned file and whether it suppressed anything in this run.</summary>
/// <param name="Path">The file the comment is in.</param>
/// <param name="Line">1-based line of the comment.</param>
/// <param name="RuleIds">The rule IDs it names; empty means every rule.</param>
/// <param name="Reason">The reason written after the IDs; "" when none.</param>
/// <param name="Used">Whether it suppressed a finding in this run.</param>
/// <param name="Column">1-based column of the comment marker.</param>
public sealed record SuppressionDirective(string Path, int Line, IReadOnlyList<string> RuleIds, string Reason, bool Used, int Column = 1)
{
    public bool HasReason => Reason.Length > 0;
}
