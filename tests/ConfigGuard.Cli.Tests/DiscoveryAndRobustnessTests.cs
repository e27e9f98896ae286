using Xunit;

namespace ConfigGuard.Cli.Tests;

public class DiscoveryAndRobustnessTests
{
    [Fact]
    public void Honours_gitignore_and_skips_build_and_dependency_folders_outside_git()
    {
        using var tmp = new TempDir();
        var bad = $"APP_ENV=staging\nKEY={Fake.StripeLive}\n";
        tmp.Write(".gitignore", "ignored/\n*.secret.env\n");
        tmp.Write("ignored/.env.staging", bad);
        tmp.Write("x.secret.env", bad);
        tmp.Write("bin/.env.staging", bad);
        tmp.Write("obj/.env.staging", bad);
        tmp.Write("node_modules/pkg/.env.staging", bad);
        tmp.Write("app/.env.staging", bad);
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("app/.env.staging:2:5: error CG0001", r.Stdout);
        Assert.Contains("in 1 config file", r.Stdout);
    }

    [Fact]
    public void In_a_git_repository_a_tracked_local_file_is_CG0009_and_ignored_files_are_not_scanned()
    {
        using var tmp = new TempDir();
        tmp.Git("init", "-q");
        tmp.Write(".gitignore", "secret/\n");
        tmp.Write(".env.local", "TOKEN=abc\n");
        tmp.Write(".env.staging.local", "TOKEN=abc\n");
        tmp.Write("secret/.env.staging", $"KEY={Fake.StripeLive}\n");
        tmp.Git("add", ".gitignore", ".env.local");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Contains(".env.local:1:1: error CG0009: .env.local is a local secret file and is tracked by git", r.Stdout);
        Assert.Contains(".env.staging.local:1:1: error CG0009: .env.staging.local is a local secret file and is not ignored", r.Stdout);
        Assert.DoesNotContain("secret/", r.Stdout);
    }

    [Fact]
    public void Unparseable_binary_empty_huge_and_non_utf8_files_never_crash_the_scan()
    {
        using var tmp = new TempDir();
        tmp.Write("a/appsettings.Staging.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=prod-db\" \n");
        tmp.WriteBytes("b/.env.staging", new byte[] { 0x41, 0x3D, 0x00, 0x01, 0x02, 0xFF });
        tmp.Write("c/.env.staging", "");
        tmp.WriteBytes("d/.env.staging", new byte[50 * 1024 * 1024]);
        tmp.WriteBytes("e/.env.staging", System.Text.Encoding.Latin1.GetBytes($"APP_ENV=staging\nNAME=caf\u00e9\nKEY={Fake.StripeLive}\n"));
        tmp.Write("f/appsettings.json", "");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"a/appsettings\.Staging\.json:2:1: error CG0012: ", r.Stdout);
        Assert.Contains("b/.env.staging: note: binary file", r.Stdout);
        Assert.Contains("d/.env.staging: note: file is 52,428,800 bytes, over the 5,242,880-byte limit", r.Stdout);
        Assert.Contains("e/.env.staging: note: not valid UTF-8", r.Stdout);
        Assert.Contains("e/.env.staging:3:5: error CG0001", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Scanning_a_single_file_works_and_reports_its_path()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("svc/.env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        var r = Cli.Run(tmp.Path, "check", file);
        Assert.Contains("svc/.env.staging:2:5: error CG0001", r.Stdout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Symbolic_links_are_never_followed_loops_and_escapes_included(bool inGit)
    {
        using var outside = new TempDir();
        outside.Write(".env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        using var tmp = new TempDir();
        if (inGit) tmp.Git("init", "-q");
        tmp.Write("app/.env.production", "APP_ENV=production\n");
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "escape"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "app", "loop"), Path.Combine(tmp.Path, "app"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "app", ".env.staging"), Path.Combine(outside.Path, ".env.staging"));
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("CG0001", r.Stdout);
        Assert.Contains("app/.env.staging: note: symbolic link, not followed", r.Stdout);
        Assert.Contains("in 1 config file", r.Stdout);
    }
}
