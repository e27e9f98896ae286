using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class CheckSamplesTests
{
    [Fact]
    public void Staging_leak_sample_reports_every_planted_mistake_and_exits_1()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak");
        Assert.Equal(1, r.ExitCode);
        var expected = new[]
        {
            "samples/staging-leak/.env.staging:1:1: warning CG0003:",
            "samples/staging-leak/.env.staging:2:19: error CG0001:",
            "samples/staging-leak/.env.staging:3:42: error CG0002:",
            "samples/staging-leak/.env.staging:5:16: warning CG0010:",
            "samples/staging-leak/.env.staging.local:1:1: error CG0009:",
            "samples/staging-leak/.env.production:2:7: warning CG0007:",
            "samples/staging-leak/.env.production:3:19: warning CG0006:",
            "samples/staging-leak/appsettings.Staging.json:3:22: error CG0002:",
            "samples/staging-leak/appsettings.Staging.json:3:54: error CG0002:",
            "samples/staging-leak/appsettings.json:7:31: error CG0001:",
            "samples/staging-leak/appsettings.Production.json:5:21: warning CG0007:",
            "samples/staging-leak/appsettings.Production.json:6:43: warning CG0008:",
            "samples/staging-leak/k8s/overlays/staging/kustomization.yaml:4:12: error CG0011: namespace 'shop-production'",
            "samples/staging-leak/k8s/overlays/staging/kustomization.yaml:9:13: error CG0011: image tag 'ghcr.io/acme/shop:prod-latest'",
            "samples/staging-leak/k8s/overlays/staging/kustomization.yaml:15:38: error CG0002: DATABASE_URL",
            "samples/staging-leak/k8s/overlays/staging/kustomization.yaml:19:27: error CG0001: STRIPE_SECRET_KEY",
        };
        foreach (var prefix in expected) Assert.Contains(r.Lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Matches(@"^\d+ errors, \d+ warnings in \d+ config files", r.Lines[^1]);
        Assert.DoesNotContain(Fake.StripeLive, r.All);
        Assert.Contains("sk_live_…Q3xZ", r.Stdout);
    }

    [Fact]
    public void Clean_sample_has_zero_findings_and_exits_0()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/clean", "--fail-on", "note");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0 errors, 0 warnings in 12 config files", r.Stdout.Trim());
    }

    [Fact]
    public void Json_output_carries_locations_fingerprints_and_only_redacted_values()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var live = findings.Single(f => f.GetProperty("ruleId").GetString() == "CG0001" && f.GetProperty("path").GetString()!.EndsWith(".env.staging"));
        Assert.Equal(2, live.GetProperty("line").GetInt32());
        Assert.Equal("staging", live.GetProperty("environment").GetString());
        Assert.Equal("STRIPE_SECRET_KEY", live.GetProperty("key").GetString());
        Assert.Equal("sk_live_…Q3xZ", live.GetProperty("value").GetString());
        Assert.Equal(32, live.GetProperty("fingerprint").GetString()!.Length);
        Assert.DoesNotContain(Fake.StripeLive, r.Stdout);
    }

    [Fact]
    public void Show_secrets_prints_the_value_only_when_asked()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--format", "json", "--show-secrets");
        Assert.Contains(Fake.StripeLive, r.Stdout);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file_and_keeps_stdout_empty()
    {
        using var tmp = new TempDir();
        var file = Path.Combine(tmp.Path, "report.json");
        var r = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--format", "json", "--output", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("report written to", r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        Assert.True(doc.RootElement.GetProperty("findings").GetArrayLength() > 5);
    }
}
