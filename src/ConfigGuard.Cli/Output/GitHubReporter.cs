using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands: one `::error file=..,line=..,col=..,endLine=..,endColumn=..,title=CG0001::message`
/// per finding (`::warning` / `::notice` by severity), so findings annotate the pull request. Property values escape
/// `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (the rules of @actions/core).
/// </summary>
internal static class GitHubReporter
{
    public static void Write(ScanReport report, TextWriter output)
    {
        foreach (var f in report.Findings)
        {
            var command = f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var message = $"{f.RuleId}: {f.Message}";
            if (report.ShowSecrets && f.RawValue is not null) message += $" [value: {f.RawValue}]";
            output.Write($"::{command} file={Property(f.Path)},line={f.Span.StartLine},col={f.Span.StartColumn},endLine={f.Span.EndLine},endColumn={f.Span.EndColumn},title={Property(f.RuleId + " " + (report.Pack.RulesById.TryGetValue(f.RuleId, out var r) ? r.Title : ""))}::{Data(message)}\n");
        }
        foreach (var n in report.Notices)
            output.Write($"::notice file={Property(n.Path)}{(n.Line > 0 ? $",line={n.Line},col={n.Column}" : "")}::{Data(n.Message)}\n");
        output.Write(report.Summary() + "\n");
    }

    public static string Data(string s) => Untrusted.GitHubData(s);

    public static string Property(string s) => Untrusted.GitHubProperty(s);
}
