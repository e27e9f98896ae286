using System.Text;
using System.Text.Json;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Checklist;

namespace ConfigGuard.Cli.Output;

/// <summary>The safety checklist as a text table, a Markdown table (for $GITHUB_STEP_SUMMARY) or JSON. Messages are already redacted.</summary>
internal static class ChecklistWriter
{
    public static void WriteText(ChecklistReport report, TextWriter w, bool color)
    {
        w.WriteLine($"Safety checklist for {Untrusted.Line(report.Environment)} ({Untrusted.Line(Configs(report))})");
        w.WriteLine();
        int width = Math.Max(5, report.Rows.Max(r => r.Item.Title.Length));
        int rulesWidth = report.Rows.Max(r => string.Join(" ", r.Item.Rules).Length);
        w.WriteLine($"{"RESULT",-6}  {"CHECK".PadRight(width)}  {"RULES".PadRight(rulesWidth)}  DETAIL");
        foreach (var row in report.Rows)
        {
            var status = ChecklistStatus.Text(row);
            var shown = status.PadRight(6);
            if (color) shown = (!row.Passed ? "\u001b[31m" : ChecklistStatus.Skipped(row) ? "\u001b[2m" : "\u001b[32m") + shown + "\u001b[0m";
            w.WriteLine($"{shown}  {row.Item.Title.PadRight(width)}  {string.Join(" ", row.Item.Rules).PadRight(rulesWidth)}  {Untrusted.Line(row.Note)}");
            foreach (var e in row.Evidence)
            {
                w.WriteLine($"        {Untrusted.LineStart(e.Location)}: {(e.RuleId is null ? "" : e.RuleId + ": ")}{Untrusted.Line(e.Message)}");
            }
        }
        w.WriteLine();
        w.WriteLine(Summary(report));
    }

    /// <summary>JSON for a repository with no config for the environment: found false, passed true (nothing failed).</summary>
    public static void WriteNotFoundJson(string environment, string message, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteString("version", ToolVersion.Current);
        w.WriteString("environment", environment);
        w.WriteBoolean("found", false);
        w.WriteBoolean("passed", true);
        w.WriteString("message", message);
        w.WriteStartArray("configs");
        w.WriteEndArray();
        w.WriteStartArray("items");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteMarkdown(ChecklistReport report, TextWriter w)
    {
        w.WriteLine($"### ConfigGuard safety checklist: {Untrusted.Markdown(report.Environment)}");
        w.WriteLine();
        w.WriteLine($"Configs: {string.Join(", ", report.Configs.Select(c => "`" + Untrusted.MarkdownCode(c) + "`"))}");
        w.WriteLine();
        w.WriteLine("| | Check | Rules | Details |");
        w.WriteLine("|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            var details = row.Passed
                ? Escape(row.Note)
                : string.Join("<br>", row.Evidence.Select(e => $"`{Untrusted.MarkdownCode(e.Location)}` {(e.RuleId is null ? "" : e.RuleId + ": ")}{Escape(e.Message)}"));
            w.WriteLine($"| {ChecklistStatus.Markdown(row)} | {Escape(row.Item.Title)} | {string.Join(", ", row.Item.Rules)} | {details} |");
        }
        w.WriteLine();
        w.WriteLine($"**{Summary(report)}**");
    }

    public static void WriteJson(ChecklistReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteString("version", ToolVersion.Current);
        w.WriteString("environment", report.Environment);
        w.WriteBoolean("passed", report.Passed);
        w.WriteStartArray("configs");
        foreach (var c in report.Configs) w.WriteStringValue(Untrusted.Json(c));
        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var row in report.Rows)
        {
            w.WriteStartObject();
            w.WriteString("id", row.Item.Id);
            w.WriteString("title", row.Item.Title);
            w.WriteString("status", row.Passed ? "pass" : "fail");
            w.WriteStartArray("rules");
            foreach (var r in row.Item.Rules) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteString("note", Untrusted.Json(row.Note));
            w.WriteStartArray("checked");
            foreach (var k in row.CheckedKeys) w.WriteStringValue(Untrusted.Json(SafeEcho.Key(k)));
            w.WriteEndArray();
            w.WriteStartArray("evidence");
            foreach (var e in row.Evidence)
            {
                w.WriteStartObject();
                if (e.RuleId is not null) w.WriteString("ruleId", e.RuleId);
                w.WriteString("path", Untrusted.Json(e.Path));
                w.WriteNumber("line", e.Line);
                w.WriteNumber("column", e.Column);
                if (e.Key is not null) w.WriteString("key", Untrusted.Json(SafeEcho.Key(e.Key)));
                w.WriteString("message", Untrusted.Json(e.Message));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("passed", report.Rows.Count - report.FailedCount);
        w.WriteNumber("failed", report.FailedCount);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string Summary(ChecklistReport report) => report.Passed
        ? $"All {report.Rows.Count} checks passed for {report.Environment}"
        : $"{report.FailedCount} of {report.Rows.Count} checks failed for {report.Environment}";

    private static string Configs(ChecklistReport report) => string.Join(", ", report.Configs);

    private static string Escape(string s) => Untrusted.Markdown(s);
}
