using System.Text.Json;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Scanning;

/// <summary>One accepted finding: its fingerprint (a hash of rule, path, key and value) plus rule, path and key for people.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, string? Key);

/// <summary>
/// `.configguard-baseline.json`: the findings a repository had when it adopted the gate. No line numbers (a baseline
/// survives edits above a line) and no values, only fingerprints. Entries are sorted, so re-creating an unchanged
/// baseline gives the same bytes.
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

    public static Baseline From(IEnumerable<Finding> findings) =>
        new(findings.Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.Path, f.Key)).DistinctBy(e => e.Fingerprint).ToList());

    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteNumber("version", 1);
        w.WriteString("note", "Findings accepted when the gate was adopted; configguard check fails only on findings not listed here. Regenerate with: configguard baseline create");
        w.WriteStartArray("findings");
        foreach (var e in Entries)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", e.Fingerprint);
            w.WriteString("ruleId", e.RuleId);
            w.WriteString("path", e.Path);
            if (e.Key is not null) w.WriteString("key", e.Key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <exception cref="UsageException">The file is missing or not a baseline.</exception>
    /// <param name="userNamed">--baseline named it: a symbolic link is followed (to a regular file only); the default file at the root never is.</param>
    public static Baseline Load(string path, bool userNamed = false)
    {
        try
        {
            var read = Discovery.RegularFile.Read(path, ScanSession.DefaultMaxFileBytes, followLinks: userNamed);
            if (read.Outcome != Discovery.RegularFile.Outcome.Read)
                throw new UsageException($"{path}: error: cannot read baseline: {read.Describe(ScanSession.DefaultMaxFileBytes)}");
            using var doc = JsonDocument.Parse(read.Bytes);
            if (!doc.RootElement.TryGetProperty("findings", out var arr) || arr.ValueKind != JsonValueKind.Array)
                throw new UsageException($"{path}: error: not a ConfigGuard baseline (no 'findings' array)");
            var entries = new List<BaselineEntry>();
            foreach (var e in arr.EnumerateArray())
            {
                var fp = e.TryGetProperty("fingerprint", out var f) ? f.GetString() : null;
                if (string.IsNullOrEmpty(fp)) throw new UsageException($"{path}: error: a baseline entry has no 'fingerprint'");
                entries.Add(new BaselineEntry(fp,
                    e.TryGetProperty("ruleId", out var r) ? r.GetString() ?? "" : "",
                    e.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "",
                    e.TryGetProperty("key", out var k) ? k.GetString() : null));
            }
            return new Baseline(entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: error: cannot read baseline: {IoErrors.Describe(e)}");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}:{(e.LineNumber ?? 0) + 1}: error: baseline is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Findings not in the baseline, how many were baselined, and the entries (within scope) that matched nothing.</summary>
    public (List<Finding> Remaining, int Matched, List<BaselineEntry> Stale) Apply(IReadOnlyList<Finding> findings, Func<string, bool> inScope)
    {
        var known = Entries.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
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
