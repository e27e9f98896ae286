using System.Text.Json;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>Machine-readable findings: one object per finding with location, key, environment, fingerprint and redacted value.</summary>
internal static class JsonReporter
{
    public static void Write(ScanReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteString("version", ToolVersion.Current);
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("severity", f.Severity.ToName());
            w.WriteString("path", Untrusted.Json(f.Path));
            w.WriteNumber("line", f.Span.StartLine);
            w.WriteNumber("column", f.Span.StartColumn);
            w.WriteNumber("endLine", f.Span.EndLine);
            w.WriteNumber("endColumn", f.Span.EndColumn);
            if (f.Key is not null) w.WriteString("key", Untrusted.Json(report.ShowSecrets ? f.Key : SafeEcho.Key(f.Key)));
            w.WriteString("environment", f.Environment);
            w.WriteString("message", Untrusted.Json(f.Message));
            w.WriteString("fingerprint", f.Fingerprint);
            if (report.Value(f) is { } v) w.WriteString("value", Untrusted.Json(v));
            if (f.Related.Count > 0)
            {
                w.WriteStartArray("related");
                foreach (var r in f.Related)
                {
                    w.WriteStartObject();
                    w.WriteString("path", Untrusted.Json(r.Path));
                    w.WriteNumber("line", r.Span.StartLine);
                    w.WriteNumber("column", r.Span.StartColumn);
                    w.WriteString("message", Untrusted.Json(r.Message));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notices");
        foreach (var n in report.Notices)
        {
            w.WriteStartObject();
            w.WriteString("path", Untrusted.Json(n.Path));
            if (n.Line > 0)
            {
                w.WriteNumber("line", n.Line);
                w.WriteNumber("column", n.Column);
            }
            w.WriteString("message", Untrusted.Json(n.Message));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("files", report.FilesScanned);
        w.WriteNumber("errors", report.Count(Severity.Error));
        w.WriteNumber("warnings", report.Count(Severity.Warning));
        w.WriteNumber("notes", report.Count(Severity.Note));
        w.WriteNumber("suppressed", report.Suppressed);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
