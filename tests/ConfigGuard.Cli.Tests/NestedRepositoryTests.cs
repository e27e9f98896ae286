using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Issue 16, silent skips: git lists a submodule as one entry and an untracked nested repository as `folder/`, never
/// their files, so scanning the superproject used to pass over their config without a word. A checked-out one is
/// scanned with its own ignore rules; a submodule that is not checked out is a note naming it.
/// </summary>
public sealed class NestedRepositoryTests
{
    /// <summary>A library repository with a staging file holding a live key, and a git-ignored local file holding another.</summary>
    private static TempDir Library()
    {
        var lib = GitRepo.Init();
        lib.Write("deploy/.env.staging", $"APP_ENV=staging\nLEDGER_PAYMENT_KEY={Fake.StripeLive}\n");
        lib.Write(".gitignore", ".env.local\n");
        lib.Write("deploy/.env.production", "APP_ENV=production\nLEDGER_REGION=eu-west\n");
        lib.Git("add", ".");
        lib.Git("commit", "-q", "-m", "ledger");
        // Ignored by the library itself: not the superproject's business, and not reported.
        lib.Write("deploy/.env.local", $"LEDGER_PAYMENT_KEY={Fake.StripeLive}\n");
        return lib;
    }

    private static TempDir SuperprojectWith(TempDir lib, string at)
    {
        var super = GitRepo.Init();
        super.Write(".env.staging", "APP_ENV=staging\nORDERS_REGION=eu-west\n");
        super.Git("add", ".");
        super.Git("commit", "-q", "-m", "orders");
        super.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.Path, at);
        super.Git("commit", "-q", "-m", "add the ledger submodule");
        return super;
    }

    [Fact]
    public void A_checked_out_submodule_is_scanned_from_the_superproject_with_its_own_ignore_rules()
    {
        if (OperatingSystem.IsWindows()) return;
        using var lib = Library();
        using var super = SuperprojectWith(lib, "libs/ledger");

        var r = Cli.Run(super.Path, "check");
        Assert.Equal(1, r.ExitCode);
        // Must flag: the submodule's committed staging file, under its path in the superproject.
        Assert.Contains("libs/ledger/deploy/.env.staging:2:", r.Stdout);
        Assert.Contains("error CG0001", r.Stdout);
        // Must not flag: the file the submodule itself git-ignores (it is not where the submodule's local file sits in
        // the superproject's listing either), nor the superproject's clean file.
        Assert.DoesNotContain(".env.local", r.Stdout);
        Assert.DoesNotContain("libs/ledger: note", r.Stdout);
        Assert.Contains("in 3 config files", r.Stdout);

        // Scanning only the submodule's folder from the superproject finds the same.
        var scoped = Cli.Run(super.Path, "check", "libs");
        Assert.Contains("libs/ledger/deploy/.env.staging:2:", scoped.Stdout);
    }

    [Fact]
    public void A_submodule_that_is_not_checked_out_is_a_note_naming_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var lib = Library();
        using var super = SuperprojectWith(lib, "libs/ledger");
        using var clone = new TempDir();
        clone.Git("-c", "protocol.file.allow=always", "clone", "-q", super.Path, "work");
        var work = Path.Combine(clone.Path, "work");

        var r = Cli.Run(work, "check");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("libs/ledger: note: git submodule not checked out", r.Stdout);
        Assert.DoesNotContain("CG0001", r.Stdout);
    }

    [Fact]
    public void An_untracked_nested_repository_is_scanned_and_an_ignored_one_is_not()
    {
        if (OperatingSystem.IsWindows()) return;
        using var super = GitRepo.Init();
        super.Write(".gitignore", "scratch/\n");
        super.Write(".env.staging", "APP_ENV=staging\n");
        super.Git("add", ".");
        super.Git("commit", "-q", "-m", "init");
        foreach (var folder in new[] { "tools/billing", "scratch/old" })
        {
            Directory.CreateDirectory(Path.Combine(super.Path, folder));
            var r0 = ProcessRunner.Run(Path.Combine(super.Path, folder), "git", new[] { "init", "-q" });
            Assert.Equal(0, r0.ExitCode);
            super.Write(folder + "/.env.staging", $"APP_ENV=staging\nBILLING_KEY={Fake.StripeLive}\n");
        }

        var r = Cli.Run(super.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("tools/billing/.env.staging:2:", r.Stdout);
        Assert.DoesNotContain("scratch/", r.Stdout);
    }

    [Fact]
    public void A_vendored_submodule_stays_skipped()
    {
        if (OperatingSystem.IsWindows()) return;
        using var lib = Library();
        using var super = SuperprojectWith(lib, "vendor/ledger");
        var r = Cli.Run(super.Path, "check");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("vendor/ledger", r.Stdout);
    }
}
