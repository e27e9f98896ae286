using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>`check --staged` and `check --diff BASE` in real temporary git repositories: content comes from git, not the disk.</summary>
public class StagedScanTests
{
    private static string Bad => $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n";
    private const string Good = "APP_ENV=staging\nSTRIPE_KEY=from-the-vault\n";
    private const string Production = "APP_ENV=production\nDATABASE_URL=postgres://app@db.prod.acme.io:5432/app\n";

    [Fact]
    public void Repo_without_commits_staged_bad_file_fixed_in_working_tree_is_still_reported()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.staging", Bad);
        repo.Git("add", ".env.staging");
        repo.Write(".env.staging", Good);

        var staged = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", staged.Stdout);
        Assert.DoesNotContain(Fake.StripeLive, staged.All);
        Assert.Equal(0, Cli.Run(repo.Path, "check").ExitCode);
    }

    [Fact]
    public void Bad_working_tree_but_good_index_passes()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.staging", Good);
        repo.Git("add", ".env.staging");
        repo.Write(".env.staging", Bad);
        var r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("in 1 config file", r.Stdout);
        Assert.Equal(1, Cli.Run(repo.Path, "check").ExitCode);
    }

    [Fact]
    public void Partially_staged_file_is_judged_by_its_staged_version_with_its_line_numbers()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.staging", "APP_ENV=staging\nA=1\n");
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("init").ExitCode);
        // Working tree: two new lines at the top (not staged) and the live key at the end (staged, like one hunk of `git add -p`).
        repo.Write(".env.staging", $"# note\nX=1\nAPP_ENV=staging\nA=1\nSTRIPE_KEY={Fake.StripeLive}\n");
        repo.StageContent(".env.staging", $"APP_ENV=staging\nA=1\nSTRIPE_KEY={Fake.StripeLive}\n");
        var r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(".env.staging:3:12: error CG0001:", r.Stdout);

        // The other way round: the key only in the unstaged hunk.
        repo.StageContent(".env.staging", "# note\nX=1\nAPP_ENV=staging\nA=1\n");
        Assert.Equal(0, Cli.Run(repo.Path, "check", "--staged").ExitCode);
    }

    [Fact]
    public void Renamed_file_is_reported_under_its_new_path_and_deleted_files_are_not_scanned()
    {
        using var repo = GitRepo.Init();
        repo.Write("config/.env.staging", Bad);
        repo.Write("old/.env.staging", Bad);
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("init").ExitCode);
        Directory.CreateDirectory(Path.Combine(repo.Path, "deploy"));
        repo.Git("mv", "config/.env.staging", "deploy/.env.staging");
        repo.Git("rm", "-q", "old/.env.staging");
        var r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("deploy/.env.staging:2:12: error CG0001:", r.Stdout);
        Assert.DoesNotContain("config/.env.staging", r.Stdout);
        Assert.DoesNotContain("old/.env.staging", r.Stdout);
        Assert.Contains("in 1 config file", r.Stdout);

        // Only a deletion staged: nothing to judge.
        Assert.Equal(0, repo.Commit("move").ExitCode);
        repo.Git("rm", "-q", "deploy/.env.staging");
        r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("in 0 config files", r.Stdout);
    }

    [Fact]
    public void Paths_with_spaces_and_non_ascii_characters_are_reported_as_git_shows_them()
    {
        using var repo = GitRepo.Init();
        var path = "my configs/Zürich ünits/.env.staging";
        repo.Write(path, Bad);
        repo.Git("add", ".");
        var r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path + ":2:12: error CG0001:", r.Stdout);
        var json = Cli.Run(repo.Path, "check", "--staged", "--format", "json");
        Assert.Contains("\"path\": \"my configs/Z\\u00FCrich \\u00FCnits/.env.staging\"", json.Stdout);
    }

    [Fact]
    public void Unchanged_files_of_the_group_are_read_from_the_index_as_context_but_their_findings_are_not_reported()
    {
        using var repo = GitRepo.Init();
        // Production has its own (warning) problem; it is committed and unchanged.
        repo.Write(".env.production", Production + "DEBUG=true\n");
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("init").ExitCode);
        // The working-tree copy of production differs from the index: the index is what counts.
        repo.Write(".env.production", "APP_ENV=production\n");
        repo.Write(".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@db.prod.acme.io:5432/app\n");
        repo.Git("add", ".env.staging");
        var r = Cli.Run(repo.Path, "check", "--staged", "--fail-on", "warning");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(".env.staging:2:", r.Stdout);
        Assert.Contains("CG0005", r.Stdout);
        Assert.DoesNotContain("CG0007", r.Stdout);
        Assert.DoesNotContain(r.Lines, l => l.StartsWith(".env.production:", StringComparison.Ordinal));
        Assert.Contains("in 1 config file", r.Stdout);
    }

    [Fact]
    public void Diff_against_a_base_scans_files_changed_on_the_branch_as_committed()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.production", Production);
        repo.Write("other/.env.staging", Bad); // old problem, untouched on the branch
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("init").ExitCode);
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write(".env.staging", Bad);
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("add staging").ExitCode);
        repo.Write(".env.staging", Good); // uncommitted fix: not what the pull request contains

        var r = Cli.Run(repo.Path, "check", "--diff", "main");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", r.Stdout);
        Assert.DoesNotContain("other/.env.staging", r.Stdout);

        var bad = Cli.Run(repo.Path, "check", "--diff", "no-such-branch");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("git diff failed", bad.Stderr);
    }

    [Fact]
    public void Staged_kustomize_overlay_is_rendered_with_its_unchanged_base_from_the_index()
    {
        using var repo = GitRepo.Init();
        repo.Write("k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        repo.Write("k8s/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n");
        repo.Write("k8s/overlays/production/kustomization.yaml", "namespace: production\nresources:\n  - ../../base\n");
        repo.Git("add", ".");
        Assert.Equal(0, repo.Commit("init").ExitCode);
        repo.Write("k8s/overlays/staging/kustomization.yaml", "namespace: production\nresources:\n  - ../../base\n");
        repo.Git("add", ".");
        var staged = Cli.Run(repo.Path, "check", "--staged");
        var full = Cli.Run(repo.Path, "check");
        Assert.Equal(full.ExitCode, staged.ExitCode);
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml:1:", staged.Stdout);
        Assert.Contains("CG0011", staged.Stdout);
    }

    [Fact]
    public void Many_staged_files_are_read_in_pipelined_batches_and_an_oversized_one_is_skipped_without_losing_the_rest()
    {
        // More files than one round trip to `git cat-file --batch` carries (64), with an oversized file and a
        // binary one between them: every other file must still be read and judged by its own content.
        using var repo = GitRepo.Init();
        for (int i = 0; i < 150; i++)
            repo.Write($"svc/.env.staging-{i:D3}", i == 140 ? Bad : $"APP_ENV=staging\nN={i}\n");
        repo.Write("svc/.env.staging-070", "APP_ENV=staging\nBIG=" + new string('x', 3000) + "\n");
        repo.WriteBytes("svc/.env.staging-071", new byte[] { 65, 0, 66, 10 });
        repo.Git("add", ".");

        var r = Cli.Run(repo.Path, "check", "--staged", "--max-file-size", "2000");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("svc/.env.staging-140:2:12: error CG0001:", r.Stdout);
        Assert.Single(r.Lines, l => l.Contains("error CG0001"));
        Assert.Contains("svc/.env.staging-070", r.All);
        Assert.Contains("over the 2,000-byte limit", r.All);
        Assert.Contains("svc/.env.staging-071", r.All);
        Assert.Contains("in 148 config files", r.Stdout);
    }

    [Fact]
    public void Staged_and_diff_outside_git_or_together_are_usage_errors()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.staging", Good);
        var r = Cli.Run(tmp.Path, "check", "--staged");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("need a git repository", r.Stderr);
        using var repo = GitRepo.Init();
        Assert.Equal(2, Cli.Run(repo.Path, "check", "--staged", "--diff", "main").ExitCode);
    }
}
