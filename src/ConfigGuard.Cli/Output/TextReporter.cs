using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>dotenv-linter style lines a person can click: `path:line:col: error CG0001: message`, then a summary.</summary>
internal static class TextReporter
{
    public static void Write(ScanReport report, TextWriter output, bool color)
    {
        foreach (var f in report.Findings)
        {
            var sev = f.Severity.ToName();
            if (color) sev = Colorize(f.Severity, sev);
            output.Write($"{Untrusted.LineStart(report.DisplayPath(f.Path))}:{f.Span.StartLine}:{f.Span.StartColumn}: {sev} {f.RuleId}: {Untrusted.Line(f.Message)}");
            if (report.ShowSecrets && f.RawValue is not null) output.Write($" [value: {Untrusted.Line(f.RawValue)}]");
            output.WriteLine();
        }
        if (report.Quiet) return;
        foreach (var n in report.Notices)
        {
            var at = report.DisplayPath(n.Path) + (n.Line > 0 ? $":{n.Line}:{n.Column}" : "");
            output.WriteLine($"{Untrusted.LineStart(at)}: note: {Untrusted.Line(n.Message)}");
        }
        output.WriteLine(report.Summary());
    }

    private static string Colorize(Severity s, string text) => s switch
    {
        Severity.Error => "\u001b[31m" + text + "\u001b[0m",
        Severity.Warning => "\u001b[33m" + text + "\u001b[0m",
        _ => "\u001b[36m" + text + "\u001b[0m",
    };
}
