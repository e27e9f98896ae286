using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Engine;

/// <summary>What a run reports once the engine has finished its findings (severities, inline suppressions).</summary>
public sealed class FinishedRun
{
    public FinishedRun(IReadOnlyList<Finding> findings, IReadOnlyList<Notice> notices, int baselined)
    {
        Findings = findings;
        Notices = notices;
        Baselined = baselined;
    }

    /// <summary>The findings to report: the baseline's left out.</summary>
    public IReadOnlyList<Finding> Findings { get; }
    /// <summary>The run's notices, then stale baseline entries and suppression comments without a reason (or unused).</summary>
    public IReadOnlyList<Notice> Notices { get; }
    public int Baselined { get; }
}

/// <summary>
/// The last step every front end takes, after <see cref="AnalysisEngine"/> (which orders, de-duplicates, applies
/// severities and inline suppressions): the baseline and the notes about suppression comments. `configguard check`,
/// the ConfigGuardCheck task and the analyzer all call this, so a baseline or a suppression means the same in each.
/// </summary>
public static class RunFinisher
{
    /// <param name="inScope">Whether a path is part of what this run judges (a stale baseline entry is only reported for those).</param>
    /// <param name="baselineShownPath">How notes name the baseline file.</param>
    /// <param name="reportUnusedSuppressions">Also note configguard:ignore comments that suppressed nothing.</param>
    public static FinishedRun Finish(IReadOnlyList<Finding> findings, IReadOnlyList<Notice> notices, IReadOnlyList<SuppressionDirective> directives,
        Baseline? baseline, string baselineShownPath = Baseline.DefaultFileName, Func<string, bool>? inScope = null, bool reportUnusedSuppressions = false)
    {
        var all = notices.ToList();
        int baselined = 0;
        if (baseline is not null)
        {
            var (remaining, matched, stale) = baseline.Apply(findings, inScope ?? (_ => true));
            findings = remaining;
            baselined = matched;
            foreach (var e in stale)
                all.Add(new Notice(baselineShownPath, $"stale baseline entry {e.RuleId} {e.Path}{(e.Key is null ? "" : " " + SafeEcho.Key(e.Key))} ({Short(e.Fingerprint)}): no finding matches it any more; refresh with 'configguard baseline create'"));
        }
        foreach (var d in directives)
        {
            var ids = d.RuleIds.Count == 0 ? "" : " " + string.Join(",", d.RuleIds);
            if (!d.HasReason)
                all.Add(new Notice(d.Path, $"configguard:ignore{ids} has no reason; say why, e.g. '# configguard:ignore{ids} demo key, revoked 2024-05'", d.Line, d.Column));
            if (reportUnusedSuppressions && !d.Used)
                all.Add(new Notice(d.Path, $"unused suppression configguard:ignore{ids}: it no longer matches any finding; remove it", d.Line, d.Column));
        }
        return new FinishedRun(findings, all, baselined);
    }

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint.Substring(0, 12) : fingerprint;
}
