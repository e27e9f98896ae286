using Xunit;

namespace ConfigGuard.Cli.Tests;

public class BaselineAndSuppressionTests
{
    private static string Live(string tail) => Fake.StripeLive[..^4] + tail;

    [Fact]
    public void Baseline_accepts_existing_findings_fails_on_new_ones_and_lists_stale_entries()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.staging", $"APP_ENV=staging\nOLD_KEY={Live("AAAA")}\n");
        var create = Cli.Run(repo.Path, "baseline", "create");
        Assert.Equal(0, create.ExitCode);
        var file = Path.Combine(repo.Path, ".configguard-baseline.json");
        var json = File.ReadAllText(file);
        Assert.Contains("\"ruleId\": \"CG0001\"", json);
        Assert.Contains("\"path\": \".env.staging\"", json);
        Assert.Contains("\"key\": \"OLD_KEY\"", json);
        Assert.Contains("\"fingerprint\": \"", json);
        Assert.DoesNotContain("\"line", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Live("AAAA"), json);
        Assert.DoesNotContain("AAAA", json);

        var ok = Cli.Run(repo.Path, "check");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("(1 in baseline)", ok.Stdout);

        // Edits above the line keep the fingerprint; a new key fails.
        repo.Write(".env.staging", $"# moved\nAPP_ENV=staging\nOLD_KEY={Live("AAAA")}\nNEW_KEY={Live("BBBB")}\n");
        var fails = Cli.Run(repo.Path, "check");
        Assert.Equal(1, fails.ExitCode);
        Assert.Contains(".env.staging:4:", fails.Stdout);
        Assert.DoesNotContain(".env.staging:3:", fails.Stdout);
        Assert.Equal(1, Cli.Run(repo.Path, "check", "--no-baseline").Stdout.Split('\n').Count(l => l.Contains(" error CG0001")) - 1);

        // Baseline also applies to the staged scan.
        repo.Git("add", ".env.staging");
        var staged = Cli.Run(repo.Path, "check", "--staged");
        Assert.Contains(".env.staging:4:", staged.Stdout);
        Assert.DoesNotContain(".env.staging:3:", staged.Stdout);

        // The old key goes away: its entry is stale.
        repo.Write(".env.staging", "APP_ENV=staging\n");
        var stale = Cli.Run(repo.Path, "check");
        Assert.Equal(0, stale.ExitCode);
        Assert.Contains(".configguard-baseline.json: note: stale baseline entry CG0001 .env.staging OLD_KEY", stale.Stdout);

        Assert.Equal(2, Cli.Run(repo.Path, "check", "--baseline", "missing.json").ExitCode);
        repo.Write("broken.json", "{ nope");
        Assert.Equal(2, Cli.Run(repo.Path, "check", "--baseline", "broken.json").ExitCode);
    }

    [Fact]
    public void An_ignore_without_a_reason_still_suppresses_but_is_noted()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.staging", $"APP_ENV=staging\n# configguard:ignore CG0001\nA={Live("AAAA")}\n# configguard:ignore CG0001 demo key, revoked\nB={Live("BBBB")}\n");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(0, r.ExitCode);
        // Located as file:line:col (the column of the '#'), so an editor or terminal opens the comment itself.
        Assert.Contains(".env.staging:2:1: note: configguard:ignore CG0001 has no reason", r.Stdout);
        Assert.DoesNotContain(".env.staging:4:", r.Stdout);
        Assert.Contains("(2 suppressed)", r.Stdout);
    }

    [Fact]
    public void Unused_suppressions_are_listed_on_request()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.staging", $"APP_ENV=staging\n# configguard:ignore CG0001 demo key\nA={Live("AAAA")}\nB=plain # configguard:ignore CG0002 host moved long ago\n");
        var plain = Cli.Run(tmp.Path, "check");
        Assert.DoesNotContain("unused suppression", plain.Stdout);
        var r = Cli.Run(tmp.Path, "check", "--report-unused-suppressions");
        Assert.Equal(0, r.ExitCode);
        var note = Assert.Single(r.Lines, l => l.Contains("unused suppression"));
        Assert.Equal(".env.staging:4:9: note: unused suppression configguard:ignore CG0002: it no longer matches any finding; remove it", note);
        var json = Cli.Run(tmp.Path, "check", "--report-unused-suppressions", "--format", "json");
        Assert.Contains("unused suppression", json.Stdout);
        Assert.Contains("\"line\": 4,", json.Stdout);
        Assert.Contains("\"column\": 9,", json.Stdout);
        var github = Cli.Run(tmp.Path, "check", "--report-unused-suppressions", "--format", "github");
        Assert.Contains("::notice file=.env.staging,line=4,col=9::unused suppression", github.Stdout);
    }
}
