using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// A scanned repository's .git/config is as untrusted as its files: it may name commands git runs on its own (an
/// fsmonitor, a clean filter for a racily clean file, a diff textconv, a post-index-change hook). Every git call
/// ConfigGuard makes (discovery, --staged, --diff, --pre-commit, envs, diff) must run none of them.
/// </summary>
public sealed class HostileGitConfigTests
{
    private static (TempDir Repo, string Marker) PlantedRepository()
    {
        var repo = GitRepo.Init();
        var marker = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-ran.txt");
        File.Delete(marker);
        repo.Write(".gitattributes", "*.staging filter=planted diff=planted\n*.json filter=planted diff=planted\n");
        repo.Write(".env.staging", "APP_ENV=staging\nAPI_URL=https://api.staging.example.net\n");
        repo.Write(".env.production", "APP_ENV=production\nAPI_URL=https://api.example.net\n");
        repo.Write("appsettings.Staging.json", "{ \"Api\": { \"Url\": \"https://api.staging.example.net\" } }\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "init");
        var run = $"echo ran >> '{marker}'";
        repo.Git("config", "core.fsmonitor", $"sh -c \"{run}\"; true");
        repo.Git("config", "filter.planted.clean", $"sh -c \"{run}; cat\"");
        repo.Git("config", "filter.planted.smudge", $"sh -c \"{run}; cat\"");
        repo.Git("config", "filter.planted.required", "true");
        repo.Git("config", "diff.planted.textconv", $"sh -c \"{run}; cat\"");
        repo.Git("config", "diff.planted.command", $"sh -c \"{run}\"");
        var hook = repo.Write(".git/hooks/post-index-change", $"#!/bin/sh\n{run}\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Racily clean and modified files: git re-reads them (through the clean filter) to know whether they changed.
        repo.Write(".env.staging", "APP_ENV=staging\nAPI_URL=https://api.staging.example.net\nEXTRA=1\n");
        repo.Git("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "add", "--", "appsettings.Staging.json");
        File.Delete(marker);
        return (repo, marker);
    }

    [Fact]
    public void The_planted_config_is_live_for_plain_git()
    {
        if (OperatingSystem.IsWindows()) return;
        var (repo, marker) = PlantedRepository();
        using var _ = repo;
        // Sanity: the same repository makes an unhardened git run the planted commands, so the test below is not vacuous.
        repo.GitRun(new[] { "status" });
        Assert.True(File.Exists(marker), "plain git did not run the planted fsmonitor/filter/hook: the fixture no longer plants anything");
        File.Delete(marker);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--staged")]
    [InlineData("check", "--diff", "HEAD")]
    [InlineData("check", "--pre-commit", ".env.staging", "appsettings.Staging.json")]
    [InlineData("envs")]
    [InlineData("diff", "staging", "production")]
    [InlineData("checklist")]
    public void No_command_named_by_the_repository_config_runs(params string[] args)
    {
        if (OperatingSystem.IsWindows()) return;
        var (repo, marker) = PlantedRepository();
        using var _ = repo;
        var r = Cli.Run(repo.Path, args);
        Assert.True(r.ExitCode is 0 or 1, $"exit {r.ExitCode}: {r.All}");
        Assert.False(File.Exists(marker), $"configguard {string.Join(' ', args)} let git run a command from .git/config: {(File.Exists(marker) ? File.ReadAllText(marker) : "")}");
        File.Delete(marker);
    }

    [Fact]
    public void Hook_install_still_honours_core_hooksPath()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repo = GitRepo.Init();
        repo.Git("config", "core.hooksPath", "team-hooks");
        var r = Cli.Run(repo.Path, "hook", "install");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.True(File.Exists(Path.Combine(repo.Path, "team-hooks", "pre-commit")), r.All);
    }
}
