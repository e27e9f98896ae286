using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// The walk's folder listing (libc's readdir on Linux) must say what .NET's own listing says about every kind of entry
/// a repository can hold: the walk's skips and notes depend on it.
/// </summary>
public sealed class FolderListingTests
{
    private static string Describe(IEnumerable<FolderListing.Entry> entries) =>
        string.Join("\n", entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => $"{e.Name} {e.Kind}"));

    [Fact]
    public void Files_folders_and_each_kind_of_link_are_told_apart_as_the_portable_listing_does()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links and FIFOs need privileges or do not exist there
        using var tmp = new TempDir();
        tmp.Write(".env.staging", "APP_ENV=staging\n");
        tmp.Write(".gitignore", "*.local\n");
        tmp.Write("k8s/base/kustomization.yaml", "resources: []\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, ".env.production"), Path.Combine(tmp.Path, ".env.staging"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "linked-k8s"), Path.Combine(tmp.Path, "k8s"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "dangling.env"), Path.Combine(tmp.Path, "nowhere"));
        var fifo = ProcessRunner.Run(tmp.Path, "mkfifo", new[] { "pipe.env" });
        // A name that is not UTF-8 (a Latin-1 byte), made by the shell: .NET cannot write such a name.
        ProcessRunner.Run(tmp.Path, "sh", new[] { "-c", "touch \"$(printf 'caf\\351.env')\"" });

        var listed = FolderListing.List(tmp.Path);
        Assert.Equal(Describe(FolderListing.Portable(tmp.Path)), Describe(listed));
        Assert.Contains(new FolderListing.Entry(".env.staging", FolderListing.Kind.File), listed);
        Assert.Contains(new FolderListing.Entry("k8s", FolderListing.Kind.Folder), listed);
        Assert.Contains(new FolderListing.Entry(".env.production", FolderListing.Kind.Link), listed);
        Assert.Contains(new FolderListing.Entry("linked-k8s", FolderListing.Kind.FolderLink), listed);
        Assert.Contains(new FolderListing.Entry("dangling.env", FolderListing.Kind.Link), listed);
        if (fifo.ExitCode == 0) Assert.Contains(new FolderListing.Entry("pipe.env", FolderListing.Kind.File), listed);
        // The undecodable byte reads as U+FFFD, as .NET's own listing (and so the walk's note about such a name) has it.
        Assert.Contains(listed, e => e.Name == "caf\uFFFD.env");
        Assert.DoesNotContain(listed, e => e.Name is "." or "..");
    }

    [Fact]
    public void A_missing_folder_or_a_file_fails_as_the_portable_listing_fails()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("a.env", "A=1\n");
        Assert.Throws<DirectoryNotFoundException>(() => FolderListing.List(Path.Combine(tmp.Path, "missing")));
        Assert.Throws<DirectoryNotFoundException>(() => FolderListing.Portable(Path.Combine(tmp.Path, "missing")));
        // A file where a folder was expected: an I/O error either way (the walk notes "cannot read folder").
        Assert.ThrowsAny<IOException>(() => FolderListing.List(file));
        Assert.ThrowsAny<IOException>(() => FolderListing.Portable(file));
    }

    [Fact]
    public void An_unlistable_folder_is_access_denied()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return; // root lists any folder
        using var tmp = new TempDir();
        var locked = Path.Combine(tmp.Path, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            Assert.Throws<UnauthorizedAccessException>(() => FolderListing.List(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
