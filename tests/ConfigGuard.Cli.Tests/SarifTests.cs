using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class SarifTests
{
    [Fact]
    public void Sarif_has_rule_metadata_help_uris_fingerprints_and_relative_uris()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--format", "sarif");
        using var doc = JsonDocument.Parse(r.Stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, rule => rule.GetProperty("id").GetString() == "CG0001"
            && rule.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/CG0001.md"));
        var result = run.GetProperty("results")[0];
        var loc = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("%SRCROOT%", loc.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.StartsWith("samples/staging-leak/", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(result.GetProperty("partialFingerprints").TryGetProperty("configguard/v1", out _));
        Assert.DoesNotContain(Fake.StripeLive, r.Stdout);
    }

    /// <summary>
    /// Validates with Microsoft's SARIF validator (npm @microsoft/sarif-multitool). .ci/run installs it and sets
    /// SARIF_MULTITOOL; on a machine without it the test says so and passes, except under CI where it must run.
    /// </summary>
    [Fact]
    public void Sarif_validates_with_the_microsoft_sarif_multitool()
    {
        var tool = Environment.GetEnvironmentVariable("SARIF_MULTITOOL");
        if (string.IsNullOrEmpty(tool) || !File.Exists(tool))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "CI must provide SARIF_MULTITOOL (see .ci/run)");
            return;
        }
        using var tmp = new TempDir();
        var sarif = Path.Combine(tmp.Path, "out.sarif");
        var validation = Path.Combine(tmp.Path, "validation.sarif");
        Cli.Run(RepoPaths.Root, "check", "samples", "--format", "sarif", "--output", sarif);
        var p = ProcessRunner.Run(tmp.Path, tool, new[] { "validate", sarif, "--output", validation }, timeout: TimeSpan.FromSeconds(120));
        Assert.True(p.ExitCode == 0, p.All);
        using var doc = JsonDocument.Parse(File.ReadAllText(validation));
        var problems = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(x => !x.TryGetProperty("level", out var l) || l.GetString() is "error" or "warning")
            .Select(x => x.GetProperty("message").ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
