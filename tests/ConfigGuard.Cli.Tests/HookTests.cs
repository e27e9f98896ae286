using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>`configguard hook install|uninstall`, then a bare `git commit` that the installed hook refuses or lets through.</summary>
public class HookTests
{
    private static string Bad => $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n";
    private const string Good = "APP_ENV=staging\nSTRIPE_KEY=from-the-vault\n";

    [Fact]
    public void Installed_hook_refuses_a_bad_commit_and_accepts_the_fixed_one()
    {
        using var repo = GitRepo.Init();
        var install = Cli.Run(repo.Path, "hook", "install");
        Assert.Equal(0, install.ExitCode);
        var hook = Path.Combine(repo.Path, ".git", "hooks", "pre-commit");
        Assert.Contains("configguard check --staged", File.ReadAllText(hook));

        repo.Write(".env.staging", Bad);
        repo.Git("add", ".");
        var refused = repo.Commit("add staging config");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", refused.All);
        Assert.DoesNotContain(Fake.StripeLive, refused.All);
        Assert.NotEqual(0, repo.GitRun(new[] { "rev-parse", "--verify", "-q", "HEAD" }).ExitCode); // nothing was committed

        repo.Write(".env.staging", Good);
        repo.Git("add", ".");
        var accepted = repo.Commit("add staging config");
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(0, repo.GitRun(new[] { "rev-parse", "--verify", "-q", "HEAD" }).ExitCode);

        Assert.Equal(0, Cli.Run(repo.Path, "hook", "uninstall").ExitCode);
        Assert.False(File.Exists(hook));
    }

    [Fact]
    public void A_foreign_hook_is_kept_unless_forced_then_chained_and_restored_on_uninstall()
    {
        using var repo = GitRepo.Init();
        var hook = repo.Write(".git/hooks/pre-commit", "#!/bin/sh\necho previous-ran >> \"$(git rev-parse --show-toplevel)/previous.log\"\nexit 0\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
        var original = File.ReadAllText(hook);

        var refused = Cli.Run(repo.Path, "hook", "install");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(original, File.ReadAllText(hook));

        Assert.Equal(0, Cli.Run(repo.Path, "hook", "install", "--force").ExitCode);
        Assert.Equal(original, File.ReadAllText(Path.Combine(repo.Path, ".git", "hooks", "pre-commit.configguard-previous")));
        repo.Write(".env.staging", Bad);
        repo.Git("add", ".env.staging");
        Assert.NotEqual(0, repo.Commit("bad").ExitCode);
        Assert.True(File.Exists(Path.Combine(repo.Path, "previous.log")), "the chained hook ran first");
        repo.Write(".env.staging", Good);
        repo.Git("add", ".env.staging");
        Assert.Equal(0, repo.Commit("good").ExitCode);

        // Installing again updates our own hook, no --force needed.
        Assert.Equal(0, Cli.Run(repo.Path, "hook", "install").ExitCode);
        Assert.Equal(0, Cli.Run(repo.Path, "hook", "uninstall").ExitCode);
        Assert.Equal(original, File.ReadAllText(hook));
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit.configguard-previous")));

        // Uninstall never removes a hook it did not write.
        var foreign = Cli.Run(repo.Path, "hook", "uninstall");
        Assert.Equal(2, foreign.ExitCode);
        Assert.True(File.Exists(hook));
    }

    [Fact]
    public void Core_hooks_path_is_respected()
    {
        using var repo = GitRepo.Init();
        repo.Git("config", "core.hooksPath", ".githooks");
        Assert.Equal(0, Cli.Run(repo.Path, "hook", "install").ExitCode);
        Assert.True(File.Exists(Path.Combine(repo.Path, ".githooks", "pre-commit")));
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")));
        repo.Write(".env.staging", Bad);
        repo.Git("add", ".env.staging");
        Assert.NotEqual(0, repo.Commit("bad").ExitCode);
    }

    [Fact]
    public void Hook_commands_outside_a_repository_are_usage_errors()
    {
        using var tmp = new TempDir();
        var r = Cli.Run(tmp.Path, "hook", "install");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not inside a git repository", r.Stderr);
    }
}
