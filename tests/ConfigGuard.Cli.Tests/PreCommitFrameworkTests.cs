using ConfigGuard.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// The real pre-commit framework (Debian's `pre-commit`) driving ConfigGuard. Outside CI the test returns early when
/// pre-commit is not installed; under CI=true (.ci/run installs it) its absence is a failure.
/// </summary>
public class PreCommitFrameworkTests(ITestOutputHelper output)
{
    internal static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private string? PreCommit()
    {
        var found = OnPath("pre-commit");
        if (found is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "CI=true but pre-commit is not installed (.ci/run installs it with apt-get install -y pre-commit)");
            output.WriteLine("SKIPPED: pre-commit is not installed (apt-get install -y pre-commit)");
        }
        return found;
    }

    [Fact]
    public void Hooks_manifest_is_valid_for_pre_commit()
    {
        if (PreCommit() is not { } pc) return;
        var r = ProcessRunner.Run(RepoPaths.Root, pc, new[] { "validate-manifest", Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml") });
        Assert.True(r.ExitCode == 0, r.All);
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml"));
        Assert.Contains("language: system", manifest);
        Assert.Contains("language: dotnet", manifest);
        Assert.Contains("entry: configguard check --pre-commit", manifest);
        Assert.DoesNotContain("pass_filenames: false", manifest);
    }

    [Fact]
    public void Pre_commit_refuses_a_bad_commit_then_accepts_a_good_one()
    {
        if (PreCommit() is not { } pc) return;
        using var repo = GitRepo.Init();
        var env = new Dictionary<string, string> { ["PRE_COMMIT_HOME"] = Path.Combine(repo.Path, ".git", "pre-commit-home") };
        var entry = $"dotnet '{Cli.Dll.Replace("'", "'\"'\"'")}' check --pre-commit";
        repo.Write(".pre-commit-config.yaml",
            "repos:\n  - repo: local\n    hooks:\n      - id: configguard\n        name: configguard\n" +
            $"        entry: \"{entry.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"\n" +
            "        language: system\n        pass_filenames: true\n        require_serial: true\n");
        var install = ProcessRunner.Run(repo.Path, pc, new[] { "install" }, env);
        Assert.True(install.ExitCode == 0, install.All);

        RefusesABadCommitThenAcceptsAGoodOne(repo, env);
    }

    [Fact]
    public void Pre_commit_dotnet_language_builds_the_tool_from_this_repository_and_gates_commits()
    {
        // The `configguard-dotnet` hook as a user configures it: pre-commit clones this repository at a commit, runs
        // `dotnet pack` at its root, installs every package it wrote as a tool and runs the entry. It tests HEAD,
        // so it needs this checkout to be a git repository (CI's clean clone is).
        if (PreCommit() is not { } pc) return;
        var head = ProcessRunner.Run(RepoPaths.Root, "git", new[] { "rev-parse", "HEAD" });
        if (head.ExitCode != 0)
        {
            output.WriteLine("SKIPPED: the source tree is not a git checkout: " + head.All);
            return;
        }
        using var repo = GitRepo.Init();
        var env = new Dictionary<string, string> { ["PRE_COMMIT_HOME"] = Path.Combine(repo.Path, ".git", "pre-commit-home") };
        repo.Write(".pre-commit-config.yaml",
            $"repos:\n  - repo: \"{RepoPaths.Root.Replace("\\", "/")}\"\n    rev: {head.Stdout.Trim()}\n    hooks:\n      - id: configguard-dotnet\n");
        var install = ProcessRunner.Run(repo.Path, pc, new[] { "install" }, env);
        Assert.True(install.ExitCode == 0, install.All);

        RefusesABadCommitThenAcceptsAGoodOne(repo, env);
    }

    /// <summary>
    /// This repository's own `configguard` hook (the manifest as checked out, through `pre-commit try-repo`) with
    /// `configguard` on PATH, on config that is already committed: nothing is staged, as under `pre-commit run
    /// --all-files` in CI, and the names pre-commit passes are what is judged, with their sibling files as context.
    /// </summary>
    [Fact]
    public void Pre_commit_all_files_finds_a_committed_live_key_and_a_database_shared_with_production()
    {
        if (PreCommit() is not { } pc) return;
        var head = ProcessRunner.Run(RepoPaths.Root, "git", new[] { "rev-parse", "HEAD" });
        if (head.ExitCode != 0)
        {
            output.WriteLine("SKIPPED: the source tree is not a git checkout (pre-commit try-repo needs one): " + head.All);
            return;
        }
        using var repo = GitRepo.Init();
        var bin = Path.Combine(repo.Path, ".git", "bin");
        Directory.CreateDirectory(bin);
        var shim = Path.Combine(bin, "configguard");
        File.WriteAllText(shim, "#!/bin/sh\nexec " + (Cli.Executable is { } exe ? $"'{exe}'" : $"dotnet '{Cli.Dll}'") + " \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var env = new Dictionary<string, string>
        {
            ["PRE_COMMIT_HOME"] = Path.Combine(repo.Path, ".git", "pre-commit-home"),
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        ProcessResult TryRepo(params string[] args) =>
            ProcessRunner.Run(repo.Path, pc, new[] { "try-repo", RepoPaths.Root, "configguard" }.Concat(args), env);

        repo.Write(".env.production", "APP_ENV=production\nDATABASE_URL=postgres://shop:prod-pw@db.acme-shop.example:5432/shop\n");
        repo.Write(".env.staging", $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\nDATABASE_URL=postgres://shop:stg-pw@db.acme-shop.example:5432/shop\n");
        repo.Write("README.md", "shop\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "config committed before any hook");

        var all = TryRepo("--all-files");
        output.WriteLine(all.All);
        Assert.NotEqual(0, all.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", all.All);
        Assert.Contains(".env.staging:3:14: error CG0005:", all.All);
        Assert.DoesNotContain(Fake.StripeLive, all.All);

        // Only the staging file named: the production file beside it is still read, so the shared database is found.
        var one = TryRepo("--files", ".env.staging");
        output.WriteLine(one.All);
        Assert.NotEqual(0, one.ExitCode);
        Assert.Contains(".env.staging:3:14: error CG0005:", one.All);
        Assert.Contains(".env.production:2", one.All);

        // Only the production file named: the finding it takes part in is reported too.
        var other = TryRepo("--files", ".env.production");
        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("CG0005", other.All);

        repo.Write(".env.staging", "APP_ENV=staging\nSTRIPE_KEY=from-the-vault\nDATABASE_URL=postgres://shop:stg-pw@db-staging.acme-shop.example:5432/shop\n");
        repo.Git("commit", "-q", "-am", "fixed");
        var clean = TryRepo("--all-files");
        Assert.True(clean.ExitCode == 0, clean.All);
    }

    private void RefusesABadCommitThenAcceptsAGoodOne(TempDir repo, Dictionary<string, string> env)
    {
        repo.Write(".env.staging", $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        repo.Git("add", ".");
        var refused = repo.Commit("bad", env);
        output.WriteLine(refused.All);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", refused.All);
        Assert.DoesNotContain(Fake.StripeLive, refused.All);

        repo.Write(".env.staging", "APP_ENV=staging\nSTRIPE_KEY=from-the-vault\n");
        repo.Git("add", ".");
        var accepted = repo.Commit("good", env);
        Assert.True(accepted.ExitCode == 0, accepted.All);
    }
}
