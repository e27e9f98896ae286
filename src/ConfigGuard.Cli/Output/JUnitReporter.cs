using System.Xml;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// JUnit XML (the shape Jenkins, GitLab `reports: junit` and Azure DevOps PublishTestResults read): one `testsuite`
/// per rule that reported something, one `testcase` per finding. Findings at or above the fail level are `failure`s,
/// the rest pass with their message in `system-out`. A clean run is one passing test case, so the gate stays visible.
/// </summary>
internal static class JUnitReporter
{
    public static void Write(ScanReport report, Stream output, Severity failLevel)
    {
        bool Fails(Finding f) => f.Severity >= failLevel && f.Severity != Severity.None;
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", "configguard");
        w.WriteAttributeString("tests", Math.Max(1, report.Findings.Count).ToString());
        w.WriteAttributeString("failures", report.Findings.Count(Fails).ToString());
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("time", "0");
        if (report.Findings.Count == 0)
        {
            Suite(w, "configguard", 1, 0);
            w.WriteStartElement("testcase");
            w.WriteAttributeString("classname", "configguard");
            w.WriteAttributeString("name", Clean(report.Summary()));
            w.WriteAttributeString("time", "0");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        foreach (var group in report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var title = report.Pack.RulesById.TryGetValue(group.Key, out var rule) ? rule.Title : group.Key;
            Suite(w, $"{group.Key} {title}", group.Count(), group.Count(Fails));
            foreach (var f in group)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "configguard." + f.RuleId);
                w.WriteAttributeString("name", Clean($"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}" + (f.Key is null ? "" : " " + (report.ShowSecrets ? f.Key : SafeEcho.Key(f.Key)))));
                w.WriteAttributeString("file", Clean(f.Path));
                w.WriteAttributeString("line", f.Span.StartLine.ToString());
                w.WriteAttributeString("time", "0");
                var text = $"{Untrusted.LineStart(f.Path)}:{f.Span.StartLine}:{f.Span.StartColumn}: {f.Severity.ToName()} {f.RuleId}: {Untrusted.Line(f.Message)}"
                    + (report.Value(f) is { } v ? $"\nvalue: {Untrusted.Line(v)}" : "") + $"\nfingerprint: {f.Fingerprint}";
                if (Fails(f))
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("type", f.RuleId);
                    w.WriteAttributeString("message", Clean(f.Message));
                    w.WriteString(Untrusted.Xml(text));
                    w.WriteEndElement();
                }
                else
                {
                    w.WriteElementString("system-out", Untrusted.Xml(text));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Suite(XmlWriter w, string name, int tests, int failures)
    {
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("tests", tests.ToString());
        w.WriteAttributeString("failures", failures.ToString());
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", "0");
    }

    /// <summary>
    /// Scanned-file text on one line (no control, bidi or line-break character), then what XML 1.0 can carry: a lone
    /// surrogate or a character XML cannot hold even escaped becomes U+FFFD (found by the fuzz harness, bench/fuzz).
    /// </summary>
    private static string Clean(string s) => Untrusted.Xml(Untrusted.Line(s));
}
