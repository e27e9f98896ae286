using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// A GitHub-flavoured Markdown summary for `$GITHUB_STEP_SUMMARY` (or a merge-request comment): a heading with the
/// counts and one table row per finding. Cell text is escaped (`|`, `&lt;`, backticks, line breaks) so a config value
/// cannot break the table or inject HTML.
/// </summary>
internal static class MarkdownReporter
{
    public static void Write(ScanReport report, TextWriter output)
    {
        output.Write($"### ConfigGuard: {report.Summary()}\n\n");
        if (report.Findings.Count == 0) output.Write("No findings.\n");
        else
        {
            output.Write("| Severity | Rule | Location | Key | Message |\n|---|---|---|---|---|\n");
            foreach (var f in report.Findings)
            {
                var icon = f.Severity switch { Severity.Error => ":x: error", Severity.Warning => ":warning: warning", _ => ":information_source: note" };
                var message = f.Message + (report.ShowSecrets && f.RawValue is not null ? $" [value: {f.RawValue}]" : "");
                output.Write($"| {icon} | {Help(f.RuleId)} | `{Code(f.Path)}:{f.Span.StartLine}:{f.Span.StartColumn}` | {(f.Key is null ? "" : "`" + Code(report.ShowSecrets ? f.Key : SafeEcho.Key(f.Key)) + "`")} | {Cell(message)} |\n");
            }
        }
        if (report.Notices.Count > 0)
        {
            output.Write("\n<details><summary>Notes</summary>\n\n");
            foreach (var n in report.Notices) output.Write($"- `{Code(n.Location)}`: {Cell(n.Message)}\n");
            output.Write("\n</details>\n");
        }
    }

    private static string Help(string ruleId) => $"[{ruleId}]({RuleDescriptor.DocsBase}docs/rules/{ruleId}.md)";

    public static string Cell(string s) => Untrusted.Markdown(s);

    /// <summary>Inside a code span only `|` and backticks and line breaks matter.</summary>
    private static string Code(string s) => Untrusted.MarkdownCode(s);
}
