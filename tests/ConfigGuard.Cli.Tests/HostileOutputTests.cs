using System.Text;
using System.Text.Json;
using System.Xml;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Checklist;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Every writer gets the same hostile strings (in a path, a key, a message, a note, a value) and must keep its own
/// format: no new line a CI log would read as a command, no raw control or bidi character, no live Markdown link or
/// image, well-formed JSON and XML.
/// </summary>
public class HostileOutputTests
{
    // Written here: each one attacks a different reader of the output.
    public static readonly string[] Hostile =
    {
        "a\n::error file=x.cs,line=1::forged",
        "b\r\n::add-mask::hidden\n::stop-commands::tok123",
        "c\u001b[2Kerased\u0007bell\u0000nul\u007fdel\u0085nel",
        "d\u202Eevil\u2066iso\u200Bzw\u2028ls\u2029ps\uFEFF",
        "e[click](https://evil.example/x) ![img](https://evil.example/p.png) <img src=x> **bold** | pipe `tick`",
        "f https://evil.example/bare www.evil.example",
        "g\uD800lone\uDC00surrogates",
        "::warning::at the start",
        "%0A::error::encoded",
    };

    private static ScanReport Report(bool showSecrets = false)
    {
        var findings = new List<Finding>();
        var notices = new List<Notice>();
        int i = 0;
        foreach (var h in Hostile)
        {
            i++;
            findings.Add(new Finding("CG0002", Severity.Error, h + "/.env.staging", new SourceSpan(0, 1, i, 1, i, 2), "KEY_" + h, "staging",
                "points at " + h, "fp" + i, "red" + h, new[] { new RelatedLocation(h, new SourceSpan(0, 1, 1, 1, 1, 2), "rel " + h) }, "raw" + h));
            notices.Add(new Notice(h, "note " + h));
        }
        return new ScanReport(findings, notices, 3, 0, RulePack.Default, showSecrets);
    }

    private static ChecklistReport Checklist()
    {
        var item = new ChecklistItem("no-prod-endpoints", "No production endpoints", new[] { "CG0002" }, Array.Empty<string>());
        var evidence = Hostile.Select((h, i) => new ChecklistEvidence("CG0002", h, i + 1, 1, "K" + h, "m " + h)).ToList();
        return new ChecklistReport("staging", Hostile, new[] { new ChecklistRow(item, evidence, Hostile, "note " + Hostile[0]) });
    }

    public static IEnumerable<object[]> Outputs()
    {
        foreach (var show in new[] { false, true })
        {
            yield return new object[] { "text" + show, "text" };
            yield return new object[] { "github" + show, "github" };
            yield return new object[] { "markdown" + show, "markdown" };
            yield return new object[] { "json" + show, "json" };
            yield return new object[] { "sarif" + show, "json" };
            yield return new object[] { "junit" + show, "xml" };
        }
        yield return new object[] { "checklist-text", "text" };
        yield return new object[] { "checklist-markdown", "markdown" };
        yield return new object[] { "checklist-json", "json" };
    }

    private static string Render(string name)
    {
        bool show = name.EndsWith("True", StringComparison.Ordinal);
        var report = Report(show);
        return name.Replace("True", "").Replace("False", "") switch
        {
            "text" => WriterCapture.Text(w => TextReporter.Write(report, w, color: false)),
            "github" => WriterCapture.Text(w => GitHubReporter.Write(report, w)),
            "markdown" => WriterCapture.Text(w => MarkdownReporter.Write(report, w)),
            "json" => WriterCapture.Bytes(s => JsonReporter.Write(report, s)),
            "sarif" => WriterCapture.Bytes(s => SarifReporter.Write(report, s, "file:///repo/")),
            "junit" => WriterCapture.Bytes(s => JUnitReporter.Write(report, s, Severity.Error)),
            "checklist-text" => WriterCapture.Text(w => ChecklistWriter.WriteText(Checklist(), w, color: false)),
            "checklist-markdown" => WriterCapture.Text(w => ChecklistWriter.WriteMarkdown(Checklist(), w)),
            "checklist-json" => WriterCapture.Bytes(s => ChecklistWriter.WriteJson(Checklist(), s)),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_writer_keeps_its_format_whatever_the_scanned_files_hold(string name, string kind)
    {
        var output = Render(name);
        foreach (var c in output)
        {
            Assert.False(c < 0x20 && c is not '\n' and not '\r' and not '\t', $"{name}: raw control U+{(int)c:X4}");
            Assert.False(c is '\u007f' or '\u0085' or '\u202E' or '\u2066' or '\u200B' or '\u2028' or '\u2029' or '\uFEFF', $"{name}: raw U+{(int)c:X4}");
            Assert.False(char.IsSurrogate(c) && kind != "json", $"{name}: lone surrogate");
        }
        foreach (var line in output.Split('\n'))
        {
            // A workflow command is a line that starts with "::" (leading blanks ignored); only the GitHub writer
            // writes them, one per finding or note, and never one a scanned file chose.
            var l = line.TrimEnd('\r').TrimStart();
            if (!l.StartsWith("::", StringComparison.Ordinal)) continue;
            Assert.StartsWith("github", name);
            Assert.Matches(@"^::(error|warning|notice) file=", l);
        }
        if (name.StartsWith("github"))
        {
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Hostile.Length * 2 + 1, lines.Length); // one line per finding, per note, and the summary
        }
        if (kind == "markdown")
        {
            // Code spans show their content as text (no links, no autolinks): judge what is outside them.
            var prose = System.Text.RegularExpressions.Regex.Replace(output, "`[^`\n]*`", "");
            Assert.DoesNotContain("](https://evil", prose);
            Assert.DoesNotContain("![", prose);
            Assert.DoesNotContain("<img", prose);
            Assert.DoesNotContain("https://evil", prose);
            Assert.DoesNotContain("www.evil", prose);
            Assert.DoesNotContain("**bold**", prose);
        }
        if (kind == "json") JsonDocument.Parse(output).Dispose();
        if (kind == "xml")
        {
            var doc = new XmlDocument();
            doc.LoadXml(output.TrimStart('\uFEFF'));
        }
    }

    [Fact]
    public void Text_lines_start_only_where_the_writer_starts_them()
    {
        var output = Render("textFalse");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Hostile.Length * 2 + 1, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("\\x1b[2K", output);
        Assert.Contains("\\u202e", output);
    }

    [Fact]
    public void Real_runs_of_every_command_keep_hostile_names_and_keys_on_their_line()
    {
        using var tmp = new TempDir();
        var dir = "svc\n::error file=a,line=1::forged\u001b[2K";
        tmp.Write(dir + "/.env.staging", "APP_ENV=staging\nDB_HOST=prod-db.acme.internal\n");
        tmp.Write(dir + "/.env.production", "APP_ENV=production\nDB_HOST=prod-db.acme.internal\n");
        tmp.Write("api/appsettings.Staging.json", "{ \"Api\\n::add-mask::x\u001b[2K\u202E\": \"https://api.prod.acme.example\" }");
        tmp.Write("api/appsettings.Production.json", "{ \"Api\\n::add-mask::x\u001b[2K\u202E\": \"https://api.prod.acme.example\" }");
        var all = new StringBuilder();
        foreach (var args in new[]
        {
            new[] { "check" }, new[] { "check", "--format", "github" }, new[] { "check", "--format", "markdown" },
            new[] { "check", "--format", "junit" }, new[] { "envs" }, new[] { "diff", "staging", "production" },
            new[] { "diff", "staging", "production", "--format", "json" }, new[] { "checklist" }, new[] { "checklist", "--format", "markdown" },
        })
        {
            var r = Cli.Run(tmp.Path, args);
            Assert.True(r.ExitCode is 0 or 1, string.Join(' ', args) + ": " + r.All);
            all.Append(r.Stdout);
            var github = args.Contains("github");
            foreach (var line in r.Stdout.Split('\n'))
            {
                var l = line.TrimStart();
                if (l.StartsWith("::", StringComparison.Ordinal)) Assert.True(github && System.Text.RegularExpressions.Regex.IsMatch(l, "^::(error|warning|notice) file="), string.Join(' ', args) + ": " + l);
            }
            Assert.DoesNotContain('\u001b', r.Stdout);
            Assert.DoesNotContain('\u202E', r.Stdout);
        }
        Assert.Contains("CG0002", all.ToString());
    }
}
