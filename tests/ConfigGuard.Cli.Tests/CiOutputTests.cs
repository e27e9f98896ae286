using System.Xml.Linq;
using ConfigGuard.Cli.Output;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>github, junit and markdown formats, several reports in one run, and no whole secret in any of them.</summary>
public class CiOutputTests
{
    private static TempDir Sample()
    {
        var tmp = new TempDir();
        tmp.Write("a,b:c/.env.staging", $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        tmp.Write(".env.production", $"APP_ENV=production\nDEBUG=true\nPAY_KEY={Fake.StripeLive}\n");
        return tmp;
    }

    [Fact]
    public void Github_format_writes_escaped_workflow_commands()
    {
        using var tmp = Sample();
        var r = Cli.Run(tmp.Path, "check", "--format", "github");
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Lines, l => l.StartsWith("::error file=a%2Cb%3Ac/.env.staging,", StringComparison.Ordinal));
        Assert.Matches(@"^::error file=a%2Cb%3Ac/\.env\.staging,line=2,col=12,endLine=2,endColumn=\d+,title=CG0001 [^:,]+::CG0001: STRIPE_KEY ", line);
        Assert.Contains(r.Lines, l => l.StartsWith("::warning file=.env.production,line=3,", StringComparison.Ordinal) || l.StartsWith("::warning file=.env.production,line=2,", StringComparison.Ordinal));
        Assert.DoesNotContain(Fake.StripeLive, r.All);
    }

    [Fact]
    public void Github_escaping_follows_the_actions_toolkit()
    {
        Assert.Equal("100%25 a%0Db%0Ac: d, e", GitHubReporter.Data("100% a\rb\nc: d, e"));
        Assert.Equal("x%3Ay%2Cz%25%0A", GitHubReporter.Property("x:y,z%\n"));
    }

    [Fact]
    public void Junit_is_one_suite_per_rule_with_a_failing_case_per_error()
    {
        using var tmp = Sample();
        var r = Cli.Run(tmp.Path, "check", "--format", "junit");
        Assert.Equal(1, r.ExitCode);
        var doc = XDocument.Parse(r.Stdout);
        Assert.Equal("testsuites", doc.Root!.Name.LocalName);
        var cg1 = Assert.Single(doc.Root.Elements("testsuite"), s => ((string)s.Attribute("name")!).StartsWith("CG0001 ", StringComparison.Ordinal));
        var testcase = Assert.Single(cg1.Elements("testcase"));
        Assert.Equal("a,b:c/.env.staging:2:12 STRIPE_KEY", (string)testcase.Attribute("name")!);
        Assert.NotNull(testcase.Element("failure"));
        Assert.Equal("1", (string)cg1.Attribute("failures")!);
        // A warning passes (below the fail level) and keeps its message in system-out.
        var cg7 = Assert.Single(doc.Root.Elements("testsuite"), s => ((string)s.Attribute("name")!).StartsWith("CG0007 ", StringComparison.Ordinal));
        Assert.Null(cg7.Element("testcase")!.Element("failure"));
        Assert.NotNull(cg7.Element("testcase")!.Element("system-out"));
        Assert.Equal(doc.Root.Elements("testsuite").Sum(s => (int)s.Attribute("tests")!), (int)doc.Root.Attribute("tests")!);
        Assert.DoesNotContain(Fake.StripeLive, r.All);

        using var clean = new TempDir();
        clean.Write(".env.staging", "APP_ENV=staging\n");
        var ok = XDocument.Parse(Cli.Run(clean.Path, "check", "--format", "junit").Stdout);
        Assert.Equal("0", (string)ok.Root!.Attribute("failures")!);
        Assert.Single(ok.Root.Descendants("testcase"));
    }

    [Fact]
    public void Markdown_is_a_table_with_escaped_cells()
    {
        using var tmp = Sample();
        tmp.Write("x|y/.env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@db.prod.acme.io/app\n");
        var r = Cli.Run(tmp.Path, "check", "--format", "markdown");
        Assert.StartsWith("### ConfigGuard: ", r.Stdout);
        Assert.Contains("| Severity | Rule | Location | Key | Message |", r.Stdout);
        Assert.Contains("| :x: error | [CG0001](", r.Stdout);
        Assert.Contains("`a,b:c/.env.staging:2:12`", r.Stdout);
        Assert.Contains("`x\\|y/.env.staging:2:", r.Stdout);
        foreach (var row in r.Lines.Where(l => l.StartsWith("| :", StringComparison.Ordinal)))
            Assert.Equal(6, row.Replace("\\|", "").Count(c => c == '|'));
        Assert.DoesNotContain(Fake.StripeLive, r.All);
    }

    [Fact]
    public void Several_reports_in_one_run_and_none_holds_a_whole_secret()
    {
        using var tmp = Sample();
        using var outDir = new TempDir();
        string F(string n) => Path.Combine(outDir.Path, n);
        var r = Cli.Run(tmp.Path, "check", "--format", "github",
            "--report", $"sarif={F("r.sarif")}", "--report", $"junit={F("r.xml")}", "--report", $"markdown={F("summary.md")}",
            "--report", $"json={F("r.json")}", "--report", $"text={F("r.txt")}");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("::error file=", r.Stdout);
        foreach (var name in new[] { "r.sarif", "r.xml", "summary.md", "r.json", "r.txt" })
        {
            var text = File.ReadAllText(F(name));
            Assert.Contains("CG0001", text);
            Assert.DoesNotContain(Fake.StripeLive, text);
            Assert.Contains($"report written to {F(name)}", r.Stderr);
        }
        XDocument.Parse(File.ReadAllText(F("r.xml")));
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(F("r.sarif"))).Dispose();

        // The single --format/--output pair still works, combined with --report.
        r = Cli.Run(tmp.Path, "check", "--format", "sarif", "--output", F("only.sarif"), "--report", $"markdown={F("only.md")}");
        Assert.Equal(1, r.ExitCode);
        Assert.True(File.Exists(F("only.sarif")) && File.Exists(F("only.md")));
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_malformed_report_spec_is_a_usage_error()
    {
        using var tmp = Sample();
        Assert.Equal(2, Cli.Run(tmp.Path, "check", "--report", "xml=out.xml").ExitCode);
        Assert.Equal(2, Cli.Run(tmp.Path, "check", "--report", "sarif").ExitCode);
    }
}
