using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class ChecklistCommandTests
{
    private static readonly string[] LeakFailures = { "environment", "database", "bucket", "shareUrl", "errorTracking", "payment", "localSecrets", "debug" };

    [Fact]
    public void Staging_leak_sample_fails_the_checklist_with_the_right_rows()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/staging-leak", "--env", "staging", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("passed").GetBoolean());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(13, items.Count);
        var failed = items.Where(i => i.GetProperty("status").GetString() == "fail").Select(i => i.GetProperty("id").GetString()).ToArray();
        Assert.Equal(LeakFailures, failed);
        var db = items.Single(i => i.GetProperty("id").GetString() == "database");
        // One mistake, one finding: the production host that is also the shared database is one CG0002 (with CG0005's facts).
        Assert.Contains(db.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("ruleId").GetString() == "CG0002"
            && e.GetProperty("path").GetString() == "samples/staging-leak/.env.staging" && e.GetProperty("line").GetInt32() == 3);
        Assert.DoesNotContain(Fake.StripeLive, r.All);
        Assert.DoesNotContain("s3cr3t-pass", r.All);
        Assert.DoesNotContain("hunter2", r.All);
    }

    [Fact]
    public void Clean_sample_passes_every_row()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/clean", "--env", "staging");
        Assert.Equal(0, r.ExitCode);
        var rows = r.Lines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, rows.Count);
        Assert.All(rows, l => Assert.StartsWith("PASS", l));
        Assert.Equal("All 13 checks passed for staging", r.Lines[^1].Trim());
    }

    [Fact]
    public void Text_table_lists_each_failing_row_with_its_evidence()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/staging-leak");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("FAIL    Storage bucket isolated from production", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("PASS    Redis isolated from production", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.Trim().StartsWith("samples/staging-leak/.env.staging:7:16: CG0005: UPLOADS_BUCKET", StringComparison.Ordinal));
        Assert.Equal("8 of 13 checks failed for staging", r.Lines[^1].Trim());
        Assert.DoesNotContain(Fake.StripeLive, r.All);
    }

    [Fact]
    public void A_row_about_a_resource_the_environment_does_not_configure_is_SKIP_not_PASS()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/staging-leak");
        Assert.Contains(r.Lines, l => l.StartsWith("SKIP    Email isolated from production", StringComparison.Ordinal) && l.EndsWith("not configured", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("SKIP    Slack webhook and channel isolated from production", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Lines, l => l.StartsWith("PASS", StringComparison.Ordinal) && l.EndsWith("not configured", StringComparison.Ordinal));
        var md = Cli.Run(RepoPaths.Root, "checklist", "samples/staging-leak", "--format", "markdown");
        Assert.Contains(md.Lines, l => l.StartsWith("| ➖ skip | Email isolated from production |", StringComparison.Ordinal));
        // Skipped rows do not fail the checklist: the clean sample configures every kind and passes (see above).
        Assert.Equal("8 of 13 checks failed for staging", r.Lines[^1].Trim());
    }

    [Fact]
    public void Markdown_is_a_table_for_the_job_summary()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/staging-leak", "--format", "markdown");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("| | Check | Rules | Details |", r.Stdout);
        Assert.Contains(r.Lines, l => l.StartsWith("| ❌ FAIL | Database isolated from production | CG0005, CG0002 |", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("| ✅ pass | Redis isolated from production |", StringComparison.Ordinal));
        Assert.DoesNotContain(Fake.StripeLive, r.All);
    }

    [Fact]
    public void Production_checklist_runs_on_the_same_tree()
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/clean", "--env", "prod", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("production", doc.RootElement.GetProperty("environment").GetString());
    }

    [Theory]
    [InlineData("--env", "development")]
    [InlineData("--env", "nonsense")]
    [InlineData("--format", "sarif")]
    public void Usage_errors_exit_2(string option, string value)
    {
        var r = Cli.Run(RepoPaths.Root, "checklist", "samples/clean", option, value);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void A_tree_without_the_environment_says_so_and_exits_0_or_1_under_require()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.production", "APP_ENV=production\n");
        var r = Cli.Run(tmp.Path, "checklist", ".");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("No staging configuration found: nothing to check", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(1, Cli.Run(tmp.Path, "checklist", ".", "--require").ExitCode);
        var json = Cli.Run(tmp.Path, "checklist", ".", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.False(doc.RootElement.GetProperty("found").GetBoolean());
        Assert.Equal("staging", doc.RootElement.GetProperty("environment").GetString());
    }

    [Fact]
    public void QA_stands_in_for_staging_and_a_team_name_does_when_configguard_yaml_names_it()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.production", "APP_ENV=production\n");
        tmp.Write(".env.qa", "APP_ENV=qa\n");
        var qa = Cli.Run(tmp.Path, "checklist", ".");
        Assert.Equal(0, qa.ExitCode);
        Assert.Contains("Safety checklist for staging (.env.qa)", qa.Stdout);

        using var own = new TempDir();
        own.Write(".env.production", "APP_ENV=production\n");
        own.Write(".env.rehearsal", "APP_ENV=rehearsal\n");
        Assert.Contains("No staging configuration found", Cli.Run(own.Path, "checklist", ".").Stdout);
        own.Write("configguard.yaml", "names:\n  staging: [rehearsal]\n");
        var named = Cli.Run(own.Path, "checklist", ".", "--env", "rehearsal");
        Assert.Equal(0, named.ExitCode);
        Assert.Contains("Safety checklist for staging (.env.rehearsal)", named.Stdout);
    }

    [Fact]
    public void Configguard_yaml_resources_exempt_turns_a_row_green()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.staging", "APP_ENV=staging\nMAPS_API_KEY=maps-shared-123456\n");
        tmp.Write(".env.production", "APP_ENV=production\nMAPS_API_KEY=maps-shared-123456\n");
        Assert.Equal(1, Cli.Run(tmp.Path, "checklist", ".").ExitCode);
        tmp.Write("configguard.yaml", "resources:\n  exempt: [MAPS_API_KEY]\n");
        Assert.Equal(0, Cli.Run(tmp.Path, "checklist", ".").ExitCode);
        tmp.Write("configguard.yaml", "resources:\n  exmpt: [MAPS_API_KEY]\n");
        var bad = Cli.Run(tmp.Path, "checklist", ".");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("configguard.yaml:2:3: error: unknown key 'exmpt' in 'resources'", bad.Stderr);
    }
}
