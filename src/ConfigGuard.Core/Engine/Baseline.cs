using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Engine;

/// <summary>One accepted finding: its fingerprint (a hash of rule, path, key and value) plus rule, path and key for people.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, string? Key);

/// <summary>
/// `.configguard-baseline.json`: the findings a repository had when it adopted the gate. No line numbers (a baseline
/// survives edits above a line) and no values, only fingerprints. Entries are sorted, so re-creating an unchanged
/// baseline gives the same bytes. Read here from text (the analyzer gets it as an AdditionalFile, the CLI and the
/// ConfigGuardCheck task from disk), with Core's own JSON reader, so every front end reads it the same way.
/// </summary>
public sealed class Baseline
{
    public const string DefaultFileName = ".configguard-baseline.json";

    public Baseline(IReadOnlyList<BaselineEntry> entries)
    {
        Entries = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static Baseline From(IEnumerable<Finding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new(findings.Where(f => seen.Add(f.Fingerprint)).Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.Path, f.Key)).ToList());
    }

    /// <summary>Reads a baseline's text; null with a one-line <paramref name="error"/> and its 1-based line (0: none) when it is not one.</summary>
    public static Baseline? Parse(string text, out string? error, out int errorLine)
    {
        error = null;
        errorLine = 0;
        var parsed = AppSettingsJsonParser.Parse(DefaultFileName, text);
        if (parsed.Errors.Count > 0)
        {
            error = "baseline is not valid JSON: " + parsed.Errors[0].Message;
            errorLine = parsed.Errors[0].Span.StartLine;
            return null;
        }
        // Flattened as configuration keys: findings:0:fingerprint, findings:0:ruleId, ... (an empty array reads as findings="").
        bool hasArray = false;
        var byIndex = new SortedDictionary<int, Dictionary<string, ConfigEntry>>();
        foreach (var e in parsed.Entries)
        {
            var parts = e.Key.Split(':');
            if (!parts[0].Equals("findings", StringComparison.OrdinalIgnoreCase)) continue;
            if (parts.Length == 1) { hasArray |= e.Value.Length == 0; continue; }
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            hasArray = true;
            if (!byIndex.TryGetValue(index, out var fields)) byIndex[index] = fields = new Dictionary<string, ConfigEntry>(StringComparer.OrdinalIgnoreCase);
            if (parts.Length == 3) fields[parts[2]] = e;
        }
        if (!hasArray)
        {
            error = "not a ConfigGuard baseline (no 'findings' array)";
            return null;
        }
        var entries = new List<BaselineEntry>();
        foreach (var pair in byIndex)
        {
            var fields = pair.Value;
            string? Field(string name) => fields.TryGetValue(name, out var v) ? v.Value : null;
            var fingerprint = Field("fingerprint");
            if (string.IsNullOrEmpty(fingerprint))
            {
                error = "a baseline entry has no 'fingerprint'";
                errorLine = fields.Values.Select(v => v.KeySpan.StartLine).DefaultIfEmpty(0).Min();
                return null;
            }
            entries.Add(new BaselineEntry(fingerprint!, Field("ruleId") ?? "", Field("path") ?? "", Field("key")));
        }
        return new Baseline(entries);
    }

    /// <summary>Findings not in the baseline, how many were baselined, and the entries (within scope) that matched nothing.</summary>
    public (List<Finding> Remaining, int Matched, List<BaselineEntry> Stale) Apply(IReadOnlyList<Finding> findings, Func<string, bool> inScope)
    {
        var known = new HashSet<string>(Entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var remaining = new List<Finding>();
        int matched = 0;
        foreach (var f in findings)
        {
            if (known.Contains(f.Fingerprint)) { matched++; seen.Add(f.Fingerprint); }
            else remaining.Add(f);
        }
        var stale = Entries.Where(e => !seen.Contains(e.Fingerprint) && inScope(e.Path)).ToList();
        return (remaining, matched, stale);
    }
}
