using System.Text.Json;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with help URIs, `level`, `partialFingerprints`,
/// URIs relative to `%SRCROOT%`, related locations, and notices as tool execution notifications.
/// (Microsoft.Sarif.Sdk is not served here, so the log is written with Utf8JsonWriter and checked by the
/// official validator in the tests.)
/// </summary>
internal static class SarifReporter
{
    public static void Write(ScanReport report, Stream output, string rootUri)
    {
        var rules = report.Pack.Rules.Where(r => r.Category == "config").ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(t => t.Id, t => t.i);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "ConfigGuard");
        w.WriteString("semanticVersion", ToolVersion.Current);
        w.WriteString("informationUri", "https://github.com/configguard/configguard");
        w.WriteStartArray("rules");
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", PascalName(r.Title));
            w.WriteStartObject("shortDescription"); w.WriteString("text", r.Title); w.WriteEndObject();
            w.WriteStartObject("fullDescription"); w.WriteString("text", r.Description); w.WriteEndObject();
            w.WriteStartObject("help"); w.WriteString("text", r.Remediation); w.WriteEndObject();
            w.WriteString("helpUri", r.HelpLink);
            w.WriteStartObject("defaultConfiguration"); w.WriteString("level", Level(r.DefaultSeverity)); w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("%SRCROOT%"); w.WriteString("uri", rootUri); w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            if (index.TryGetValue(f.RuleId, out var ri)) w.WriteNumber("ruleIndex", ri);
            w.WriteString("level", Level(f.Severity));
            w.WriteStartObject("message"); w.WriteString("text", Untrusted.Json(f.Message)); w.WriteEndObject();
            w.WriteStartArray("locations");
            WriteLocation(w, f.Path, f.Span, null, null);
            w.WriteEndArray();
            if (f.Related.Count > 0)
            {
                w.WriteStartArray("relatedLocations");
                for (int i = 0; i < f.Related.Count; i++) WriteLocation(w, f.Related[i].Path, f.Related[i].Span, i + 1, f.Related[i].Message);
                w.WriteEndArray();
            }
            w.WriteStartObject("partialFingerprints"); w.WriteString("configguard/v1", f.Fingerprint); w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("environment", f.Environment);
            if (f.Key is not null) w.WriteString("key", Untrusted.Json(report.ShowSecrets ? f.Key : SafeEcho.Key(f.Key)));
            if (report.Value(f) is { } v) w.WriteString("value", Untrusted.Json(v));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        if (report.Notices.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var n in report.Notices)
            {
                w.WriteStartObject();
                w.WriteString("level", "note");
                w.WriteStartObject("message"); w.WriteString("text", Untrusted.Json(n.Message)); w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation"); w.WriteString("uri", Untrusted.Json(EscapeUri(n.Path))); w.WriteString("uriBaseId", "%SRCROOT%"); w.WriteEndObject();
                if (n.Line > 0)
                {
                    w.WriteStartObject("region"); w.WriteNumber("startLine", n.Line); w.WriteNumber("startColumn", n.Column); w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string path, SourceSpan span, int? id, string? message)
    {
        w.WriteStartObject();
        if (id is { } i) w.WriteNumber("id", i);
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Untrusted.Json(EscapeUri(path)));
        w.WriteString("uriBaseId", "%SRCROOT%");
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, span.StartLine));
        w.WriteNumber("startColumn", Math.Max(1, span.StartColumn));
        w.WriteNumber("endLine", Math.Max(1, span.EndLine));
        w.WriteNumber("endColumn", Math.Max(1, span.EndColumn));
        w.WriteEndObject();
        w.WriteEndObject();
        if (message is not null) { w.WriteStartObject("message"); w.WriteString("text", Untrusted.Json(message)); w.WriteEndObject(); }
        w.WriteEndObject();
    }

    public static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    private static string EscapeUri(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static string PascalName(string title) =>
        string.Concat(title.Split(' ', '-', '/').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]))
            .Replace(".", "").Replace("(", "").Replace(")", "").Replace(",", "");
}
