using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>Everything a reporter prints about one scan.</summary>
internal sealed record ScanReport(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Notice> Notices,
    int FilesScanned,
    int Suppressed,
    RulePack Pack,
    bool ShowSecrets)
{
    /// <summary>Findings accepted by the baseline file (not in <see cref="Findings"/>).</summary>
    public int Baselined { get; init; }

    /// <summary>--quiet: the text report is the findings alone (no notes, no summary).</summary>
    public bool Quiet { get; init; }

    /// <summary>
    /// How the text report shows a repository-relative path: relative to the folder the user runs in, so that
    /// `configguard check ../other` prints `../other/.env.staging:1:12`, a path that opens from the terminal. The
    /// machine formats (JSON, SARIF, GitHub, JUnit, Markdown) keep repository-relative paths (their contract).
    /// </summary>
    public Func<string, string> DisplayPath { get; init; } = p => p;

    public int Count(Severity s) => Findings.Count(f => f.Severity == s);

    public string Summary()
    {
        var parts = new List<string>
        {
            Plural(Count(Severity.Error), "error"),
            Plural(Count(Severity.Warning), "warning"),
        };
        int notes = Count(Severity.Note);
        if (notes > 0) parts.Add(Plural(notes, "note"));
        var s = $"{string.Join(", ", parts)} in {Plural(FilesScanned, "config file")}";
        if (Suppressed > 0 && Baselined > 0) s += $" ({Suppressed} suppressed, {Baselined} in baseline)";
        else if (Suppressed > 0) s += $" ({Suppressed} suppressed)";
        else if (Baselined > 0) s += $" ({Baselined} in baseline)";
        return s;
    }

    /// <summary>The value a finding may show: redacted unless --show-secrets.</summary>
    public string? Value(Finding f) => ShowSecrets && f.RawValue is not null ? f.RawValue : f.RedactedValue;

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
