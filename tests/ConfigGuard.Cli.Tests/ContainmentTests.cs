using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>Nothing outside the repository root is read, ever: every path component is resolved, a committed folder link is not followed.</summary>
public class ContainmentTests
{
    private const string Kust = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

    /// <summary>A repository whose staging overlay reaches a folder outside through a committed folder link.</summary>
    private static (TempDir Repo, TempDir Outside) Plant()
    {
        var outside = new TempDir();
        outside.Write("secrets/passwd", "root-line-Xy7Qw3Er9Ty5Ui1Op8\n");
        outside.Write("secrets/app.env", "OUTSIDE_TOKEN=Lm4Nb8Vc2Xz6As0Df\n");
        outside.Write("secrets/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.CG0003.severity = none\n");
        outside.Write("secrets/configguard.yaml", "rules:\n  CG0003: none\n");
        var repo = GitRepo.Init();
        repo.Write("k/base/kustomization.yaml", Kust + "configMapGenerator:\n- name: app\n  literals: [LOG_LEVEL=info]\n");
        repo.Write("k/overlays/production/kustomization.yaml", Kust + "namespace: prd\nresources: [../../base]\nconfigMapGenerator:\n- name: app\n  behavior: merge\n  literals: [APP_ENV=production]\n");
        repo.Write("k/overlays/staging/kustomization.yaml", Kust + "namespace: stg\nresources: [../../base]\nconfigMapGenerator:\n- name: app\n  behavior: merge\n  literals: [APP_ENV=staging]\n  files: [linked/passwd]\n  envs: [linked/app.env]\n");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "k/overlays/staging/linked"), Path.Combine(outside.Path, "secrets"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "app"), Path.Combine(outside.Path, "secrets"));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "plant");
        return (repo, outside);
    }

    [Fact]
    public void A_committed_folder_link_is_not_followed_by_any_command()
    {
        var (repo, outside) = Plant();
        using var _ = repo;
        using var __ = outside;
        var outputs = new List<string>();
        foreach (var args in new[]
        {
            new[] { "check" }, new[] { "check", "--format", "json" }, new[] { "diff", "staging", "production" },
            new[] { "diff", "staging", "production", "--format", "json" }, new[] { "envs" }, new[] { "checklist" },
            new[] { "check", "app" }, new[] { "check", "--staged" },
        })
        {
            var r = Cli.Run(repo.Path, args);
            Assert.True(r.ExitCode is 0 or 1 or 2, string.Join(' ', args) + ": " + r.All);
            outputs.Add(r.All);
        }
        var all = string.Join("\n", outputs);
        Assert.DoesNotContain("Xy7Qw3Er9Ty5", all);
        Assert.DoesNotContain("OUTSIDE_TOKEN", all);
        Assert.DoesNotContain("Lm4Nb8Vc2Xz6", all);
        Assert.Contains("'k/overlays/staging/linked' is a symbolic link to a folder, which may lead outside the repository; not followed", all);
        // The outside .editorconfig did not silence CG0003 in the linked folder (it was never read).
        Assert.DoesNotContain(outside.Path, all);
    }

    /// <summary>Each folder on the way is asked once (one lstat): a link, a dangling link, a missing folder, a file where a folder should be, a plain folder.</summary>
    [Fact]
    public void Each_kind_of_folder_on_the_way_gets_its_own_answer()
    {
        using var outside = new TempDir();
        outside.Write("real/app.env", "A=1\n");
        using var repo = new TempDir();
        repo.Write("plain/deep/app.env", "A=1\n");
        repo.Write("afile", "not a folder\n");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "linked"), Path.Combine(outside.Path, "real"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "dangling"), Path.Combine(outside.Path, "gone"));
        var containment = new ConfigGuard.Scanning.Discovery.RepositoryContainment(repo.Path);
        string? Why(string relative) => containment.WhyOutside(Path.Combine(repo.Path, relative), checkFile: false);

        Assert.Null(Why("plain/deep/app.env"));
        Assert.Equal("'linked' is a symbolic link to a folder, which may lead outside the repository; not followed", Why("linked/app.env"));
        Assert.Equal("'dangling' is a symbolic link to a folder, which may lead outside the repository; not followed", Why("dangling/app.env"));
        // Nothing there, or a file where a folder should be: nothing to read, and the open that follows says so.
        Assert.Null(Why("missing/app.env"));
        Assert.Null(Why("afile/app.env"));
        // Asked again (the cached answer) and one level deeper: the same answers.
        Assert.Equal(Why("linked/app.env"), Why("linked/sub/app.env"));
        Assert.Null(Why("plain/deep/other.env"));
        Assert.Equal("outside the repository; not read", containment.WhyOutside(Path.Combine(outside.Path, "real/app.env")));

        // A listed file, by its repository-relative path: the same answer as the long way, clean path or not.
        foreach (var relative in new[] { "plain/deep/app.env", "linked/app.env", "dangling/app.env", "missing/app.env", "afile/app.env",
                     "app.env", "plain/../linked/app.env", "./linked/app.env", "plain//deep/app.env", "linked/sub/../app.env" })
        {
            var full = Path.Combine(repo.Path, relative);
            Assert.Equal(Why(relative), new ConfigGuard.Scanning.Discovery.RepositoryContainment(repo.Path).WhyOutsideListed(relative, full));
        }
        Assert.Equal("outside the repository; not read", containment.WhyOutsideListed("../x/app.env", Path.Combine(repo.Path, "../x/app.env")));
    }

    [Fact]
    public void A_file_a_kustomization_reads_that_is_a_link_is_named_in_a_note_and_not_read()
    {
        using var outside = new TempDir();
        var target = outside.Write("real.env", "LINKED_TOKEN=Qw8Er2Ty6Ui0Op4As\n");
        using var repo = GitRepo.Init();
        repo.Write("k/base/kustomization.yaml", Kust + "configMapGenerator:\n- name: app\n  envs: [linked.env]\n");
        repo.Write("k/overlays/staging/kustomization.yaml", Kust + "namespace: stg\nresources: [../../base]\n");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "k/base/linked.env"), target);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "link");
        var r = Cli.Run(repo.Path, "check");
        Assert.DoesNotContain("Qw8Er2Ty6Ui0", r.All);
        Assert.DoesNotContain("LINKED_TOKEN", r.All);
        Assert.Contains("k/base/linked.env", r.All);
        Assert.Contains("symbolic link referenced by a kustomization, not followed", r.All);
    }
}
