using System.Diagnostics;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Issue 15, item 9: what a newcomer trips over when trying the CLI from a fresh clone. Paths open from the folder the
/// user runs in; a quoted glob is expanded; every error of a bad configguard.yaml is listed at once; the MSBuild task's
/// reader (no Mono.Unix) does not wait on a FIFO.
/// </summary>
public sealed class NewcomerSurpriseTests
{
    [Fact]
    public void Scanning_another_folder_prints_paths_that_open_from_the_working_directory()
    {
        using var tmp = GitRepo.Init();
        tmp.Write("svc/.env.staging", $"APP_ENV=staging\nPAYMENT_KEY={Fake.StripeLive}\n");
        tmp.Write("svc/conf/.env.staging", "APP_ENV=staging\n# configguard:ignore\nX=1\n");
        var elsewhere = Path.Combine(tmp.Path, "tools", "bin");
        Directory.CreateDirectory(elsewhere);

        var r = Cli.Run(elsewhere, "check", "../../svc");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("../../svc/.env.staging:2:13: error CG0001", r.Stdout);
        Assert.Contains("../../svc/conf/.env.staging:2:1: note: configguard:ignore has no reason", r.Stdout);

        // From the repository root the same finding is repository-relative, as before.
        Assert.Contains("svc/.env.staging:2:13: error CG0001", Cli.Run(tmp.Path, "check", "svc").Stdout);
        Assert.StartsWith("svc/.env.staging:2:13:", Cli.Run(tmp.Path, "check", "svc").Stdout);
        // Machine formats keep the repository-relative path they promise (SARIF/JSON consumers join it to the root).
        Assert.Contains("\"path\": \"svc/.env.staging\"", Cli.Run(elsewhere, "check", "../../svc", "-f", "json").Stdout);
        Assert.Contains("file=svc/.env.staging,", Cli.Run(elsewhere, "check", "../../svc", "-f", "github").Stdout);
    }

    [Fact]
    public void A_glob_the_shell_did_not_expand_is_expanded_and_one_that_matches_nothing_is_a_usage_error()
    {
        using var tmp = new TempDir();
        tmp.Write("a/.env.staging", $"APP_ENV=staging\nPAYMENT_KEY={Fake.StripeLive}\n");
        tmp.Write("a/b/c/.env.staging", $"APP_ENV=staging\nOTHER_KEY={Fake.StripeLive}\n");
        tmp.Write("notes/readme.txt", "not config\n");

        var all = Cli.Run(tmp.Path, "check", "**/.env*");
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("a/.env.staging:2:13: error CG0001", all.Stdout);
        Assert.Contains("a/b/c/.env.staging:2:11: error CG0001", all.Stdout);
        Assert.DoesNotContain("path not found", all.Stderr);

        // Only the literal prefix is walked, and only what matches is scanned.
        var deep = Cli.Run(tmp.Path, "check", "a/b/**/.env.*");
        Assert.Equal(1, deep.ExitCode);
        Assert.Contains("a/b/c/.env.staging", deep.Stdout);
        Assert.DoesNotContain("a/.env.staging:", deep.Stdout);

        var none = Cli.Run(tmp.Path, "check", "**/appsettings.*.json");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no file or folder matches **/appsettings.*.json", none.Stderr);
        // A plain missing path is still "path not found".
        Assert.Contains("path not found", Cli.Run(tmp.Path, "check", "missing-folder").Stderr);
    }

    [Fact]
    public void Glob_expansion_does_not_follow_folder_links_and_skips_dot_git()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = GitRepo.Init();
        using var outside = new TempDir();
        outside.Write("x/.env.staging", $"APP_ENV=staging\nK={Fake.StripeLive}\n");
        tmp.Write("app/.env.staging", "APP_ENV=staging\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "linked"), Path.Combine(outside.Path, "x"));
        tmp.Write(".git/.env.staging", $"K={Fake.StripeLive}\n");
        var found = PathArgumentGlob.Expand(tmp.Path + "/**/.env*");
        Assert.Equal(new[] { Path.Combine(tmp.Path, "app", ".env.staging") }, found);
    }

    [Fact]
    public void Every_error_in_a_bad_configguard_yaml_is_reported_with_its_place_not_only_the_first()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.staging", "APP_ENV=staging\n");
        tmp.Write("configguard.yaml", "enviroments:\n  staging: [a]\nproduction:\n  hosts: [db.example.net]\n  domain: [example.net]\nrules:\n  CG0001: loud\n  CG9999: error\n  CG0007: none\n");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"configguard\.yaml:1:1: error: unknown key 'enviroments'", lines[0]);
        Assert.Matches(@"configguard\.yaml:5:3: error: unknown key 'domain' in 'production'", lines[1]);
        Assert.Matches(@"configguard\.yaml:7:11: error: 'loud' is not a severity", lines[2]);
        Assert.Matches(@"configguard\.yaml:8:3: error: unknown rule 'CG9999'", lines[3]);
        Assert.DoesNotContain("Unhandled", r.All);
    }

    [Fact]
    public void The_task_reader_without_Mono_Unix_refuses_a_fifo_at_once_and_reads_regular_files()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = new TempDir();
        var fifo = Path.Combine(tmp.Path, ".env.staging");
        var mk = ProcessRunner.Run(tmp.Path, "mkfifo", new[] { fifo });
        Assert.True(mk.ExitCode == 0, mk.All);
        var file = tmp.Write(".env.production", "APP_ENV=production\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, ".env.test"), file);

        var sw = Stopwatch.StartNew();
        var read = Task.Run(() => RegularFile.ReadWithoutMonoUnix(fifo, 1 << 20));
        Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "the read waited on a FIFO with no writer");
        Assert.Equal(RegularFile.Outcome.NotRegular, read.Result.Outcome);
        Assert.Contains("FIFO", read.Result.Describe(1 << 20));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20));

        var ok = RegularFile.ReadWithoutMonoUnix(file, 1 << 20);
        Assert.Equal(RegularFile.Outcome.Read, ok.Outcome);
        Assert.Equal("APP_ENV=production\n", System.Text.Encoding.UTF8.GetString(ok.Content));
        Assert.Equal(RegularFile.Outcome.SymbolicLink, RegularFile.ReadWithoutMonoUnix(Path.Combine(tmp.Path, ".env.test"), 1 << 20).Outcome);
        Assert.Equal(RegularFile.Outcome.Missing, RegularFile.ReadWithoutMonoUnix(Path.Combine(tmp.Path, "nope"), 1 << 20).Outcome);
        Assert.Equal(RegularFile.Outcome.TooLarge, RegularFile.ReadWithoutMonoUnix("/dev/zero", 4096, followLinks: true).Outcome);
    }
}
