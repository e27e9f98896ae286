using ConfigGuard.Tests;
using Xunit;
using System.Diagnostics;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Files that are not regular files: a FIFO would block a read forever and /dev/zero never ends. Wherever the CLI reads
/// a file it did not write (discovered config, kustomize references, configguard.yaml, .editorconfig, .gitignore, the
/// baseline) it opens without blocking, checks the type after opening, and reads at most the size cap.
/// </summary>
public sealed class SpecialFileTests
{
    private static void MkFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var r = ProcessRunner.Run(Path.GetDirectoryName(path)!, "mkfifo", new[] { path });
        Assert.True(r.ExitCode == 0, r.All);
    }

    private static ProcessResult Timed(string cwd, params string[] args)
    {
        var sw = Stopwatch.StartNew();
        var r = Cli.Run(cwd, args);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
        return r;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fifo_config_file_is_a_note_and_the_scan_goes_on(bool inGit)
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = inGit ? GitRepo.Init() : new TempDir();
        tmp.Write("app/.env.production", "APP_ENV=production\n");
        tmp.Write("app/.env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        if (inGit)
        {
            tmp.Git("add", ".");
            tmp.Git("commit", "-q", "-m", "init");
            File.Delete(Path.Combine(tmp.Path, "app/.env.production"));   // the tracked file is now a FIFO
        }
        MkFifo(Path.Combine(tmp.Path, inGit ? "app/.env.production" : "app/.env.prod"));
        var r = Timed(tmp.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("CG0001", r.Stdout);
        Assert.Contains(inGit ? "app/.env.production: note: not a regular file (a named pipe (FIFO)); skipped" : "app/.env.prod: note: not a regular file (a named pipe (FIFO)); skipped", r.Stdout);
    }

    [Fact]
    public void A_fifo_named_by_a_kustomization_is_a_note()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = new TempDir();
        tmp.Write("overlays/staging/kustomization.yaml", "namespace: staging\nconfigMapGenerator:\n- name: app\n  envs:\n  - app.env\n  files:\n  - extra.txt\n");
        MkFifo(Path.Combine(tmp.Path, "overlays/staging/app.env"));
        MkFifo(Path.Combine(tmp.Path, "overlays/staging/extra.txt"));
        var r = Timed(tmp.Path, "check");
        Assert.Contains("overlays/staging/app.env: note: not a regular file (a named pipe (FIFO)); skipped", r.Stdout);
        Assert.Contains("overlays/staging/extra.txt: note: not a regular file (a named pipe (FIFO)); skipped", r.Stdout);
    }

    [Fact]
    public void Dev_zero_behind_a_folder_link_in_a_kustomization_is_not_read()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) return;
        using var tmp = new TempDir();
        tmp.Write("overlays/staging/kustomization.yaml", "namespace: staging\nconfigMapGenerator:\n- name: app\n  files:\n  - zero\n  - devices/zero\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "overlays/staging/zero"), "/dev/zero");
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "overlays/staging/devices"), "/dev");
        var r = Timed(tmp.Path, "check");
        Assert.DoesNotContain("Unhandled", r.All);
        Assert.Contains("overlays/staging/zero: note: symbolic link", r.Stdout);
        Assert.Contains("devices/zero", r.Stdout);   // not read: not a regular file, or a path leaving the repository
    }

    [Fact]
    public void Configguard_yaml_editorconfig_and_gitignore_linked_to_dev_zero_do_not_exhaust_memory()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) return;
        using var tmp = new TempDir();
        tmp.Write("app/.env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, ".editorconfig"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, ".gitignore"), "/dev/zero");
        MkFifo(Path.Combine(tmp.Path, "app/.editorconfig"));
        MkFifo(Path.Combine(tmp.Path, "app/.gitignore"));
        var r = Timed(tmp.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("app/.env.staging:2:5: error CG0001", r.Stdout);

        File.CreateSymbolicLink(Path.Combine(tmp.Path, "configguard.yaml"), "/dev/zero");
        r = Timed(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("configguard.yaml", r.Stderr);
        Assert.Contains("symbolic link", r.Stderr);

        r = Timed(tmp.Path, "check", "--config", "/dev/zero");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot read configguard.yaml: not a regular file (a character device)", r.Stderr);
    }

    [Fact]
    public void A_baseline_that_is_a_fifo_or_dev_zero_is_a_usage_error()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) return;
        using var tmp = new TempDir();
        tmp.Write("app/.env.staging", "APP_ENV=staging\n");
        MkFifo(Path.Combine(tmp.Path, "pipe.json"));
        var r = Timed(tmp.Path, "check", "--baseline", "pipe.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot read baseline: not a regular file (a named pipe (FIFO))", r.Stderr);

        r = Timed(tmp.Path, "check", "--baseline", "/dev/zero");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot read baseline: not a regular file (a character device)", r.Stderr);

        File.CreateSymbolicLink(Path.Combine(tmp.Path, ".configguard-baseline.json"), "/dev/zero");
        r = Timed(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot read baseline: symbolic link, not followed", r.Stderr);
    }
}
