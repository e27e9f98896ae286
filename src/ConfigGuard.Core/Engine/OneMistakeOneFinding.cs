using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// One mistake, one finding. A value staging takes from production is seen by two rules: CG0002 (a production
/// endpoint in a non-production config) and CG0005 (a resource both share). On the same line they are one mistake:
/// the stronger finding is kept (higher severity; at equal severity CG0002 when the name says production, since that
/// says whose resource it is, and CG0005 when CG0002 only found production's own value, which is CG0005's fact) and the
/// other's facts are added to its message and related locations (to the first CG0002 of the line when it names two
/// production parts, a host and a database). A base line reached by many services or environments is already one report
/// per rule and place (<see cref="AnalysisEngine"/>). Runs after severities and suppressions, so a rule turned off or
/// suppressed on that line leaves the other standing alone.
/// </summary>
internal static class OneMistakeOneFinding
{
    private const string Endpoint = "CG0002", Shared = "CG0005";

    public static List<Finding> Merge(List<Finding> findings)
    {
        var byLine = new Dictionary<(string Path, int Line), List<int>>();
        var drop = new HashSet<int>();
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.RuleId != Endpoint && f.RuleId != Shared) continue;
            var at = (f.Path, f.Span.StartLine);
            if (!byLine.TryGetValue(at, out var list)) byLine[at] = list = new List<int>();
            list.Add(i);
        }
        var replaced = new Dictionary<int, Finding>();
        foreach (var list in byLine.Values)
        {
            int endpoint = list.FindIndex(j => findings[j].RuleId == Endpoint), shared = list.FindIndex(j => findings[j].RuleId == Shared);
            if (endpoint < 0 || shared < 0) continue;
            var e = findings[list[endpoint]];
            var s = findings[list[shared]];
            // CG0002 by comparison (the value production sets, shown as a related location) is the very fact CG0005 states,
            // which names the resource more exactly (the database on that host); CG0002 by the name (a prod host) says more.
            bool keepShared = s.Severity > e.Severity || (s.Severity == e.Severity && e.Related.Count > 0);
            var (keep, other, keepAt, otherAt) = keepShared ? (s, e, list[shared], list[endpoint]) : (e, s, list[endpoint], list[shared]);
            replaced[keepAt] = Combine(keep, other);
            drop.Add(otherAt);
        }
        var result = new List<Finding>(findings.Count);
        for (int i = 0; i < findings.Count; i++)
        {
            if (drop.Contains(i)) continue;
            result.Add(replaced.TryGetValue(i, out var r) ? r : findings[i]);
        }
        return result;
    }

    private static Finding Combine(Finding keep, Finding other)
    {
        var related = new List<RelatedLocation>(keep.Related);
        foreach (var r in other.Related)
        {
            if (!related.Exists(x => x.Path == r.Path && x.Span.Start == r.Span.Start)) related.Add(r);
        }
        var message = $"{keep.Message} (also {other.RuleId}: {other.Message})";
        return new Finding(keep.RuleId, keep.Severity, keep.Path, keep.Span, keep.Key, keep.Environment, message, keep.Fingerprint,
            keep.RedactedValue, related, keep.RawValue);
    }
}
