using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Issue 16, silent skips: whatever discovery finds but cannot open is a note naming the path, and a run that could
/// read none of the config it found does not pass. (Permission cases need a non-root user: root reads every folder.)
/// </summary>
public sealed class SilentSkipTests
{
    private static void WriteRaw(string root, byte[] relative, string text)
    {
        // A folder name that is not UTF-8 cannot be written through .NET's string paths: python3 writes the bytes.
        var script = "import os,sys\np=os.path.join(sys.argv[1].encode(), bytes.fromhex(sys.argv[2]))\nos.makedirs(os.path.dirname(p), exist_ok=True)\nopen(p,'w').write(sys.argv[3])\n";
        var r = ProcessRunner.Run(root, "python3", new[] { "-c", script, root, Convert.ToHexString(relative), text });
        Assert.True(r.ExitCode == 0, r.All);
    }

    private static byte[] Bytes(string ascii, byte bad, string rest) =>
        System.Text.Encoding.ASCII.GetBytes(ascii).Append(bad).Concat(System.Text.Encoding.ASCII.GetBytes(rest)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_folder_whose_name_is_not_utf8_is_a_note_and_a_run_that_read_nothing_fails(bool inGit)
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = inGit ? GitRepo.Init() : new TempDir();
        WriteRaw(tmp.Path, Bytes("svc", 0xFF, "/.env.staging"), $"APP_ENV=staging\nPAYMENT_KEY={Fake.StripeLive}\n");
        if (inGit)
        {
            tmp.Git("add", ".");
            tmp.Git("commit", "-q", "-m", "init");
        }
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not valid UTF-8", r.Stdout);
        Assert.Contains("svc", r.Stdout);
        Assert.Contains("could be read", r.Stderr);

        // Beside a readable config file the run goes on, and still names the skipped path.
        tmp.Write("app/.env.staging", $"APP_ENV=staging\nPAYMENT_KEY={Fake.StripeLive}\n");
        if (inGit)
        {
            tmp.Git("add", ".");
            tmp.Git("commit", "-q", "-m", "more");
        }
        var both = Cli.Run(tmp.Path, "check");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("app/.env.staging:2:13: error CG0001", both.Stdout);
        Assert.Contains("not valid UTF-8", both.Stdout);
    }

    [Fact]
    public void Git_warnings_about_folders_it_could_not_open_become_folder_names()
    {
        var stderr = "warning: could not open directory 'locked/': Permission denied\nwarning: could not open directory 'a b/c/': Permission denied\nfatal: something else\n";
        Assert.Equal(new[] { "locked", "a b/c" }, ConfigGuard.Scanning.Discovery.GitRepository.UnreadableFolders(stderr));
    }

    private static bool IsRoot => Environment.UserName == "root" || ProcessRunner.Run("/", "id", new[] { "-u" }).Stdout.Trim() == "0";

    /// <summary>
    /// The CLI as a user without privileges: itself when not root; as root (CI containers, this VM) through
    /// `setpriv` as uid 65534, which root's permission bypass does not cover. Null when neither is possible, or when
    /// uid 65534 cannot read the CLI where this clone sits.
    /// </summary>
    private static ProcessResult? RunUnprivileged(TempDir tmp, params string[] args)
    {
        if (!IsRoot) return Cli.Run(tmp.Path, args);
        if (Cli.Executable is not null || !File.Exists("/usr/bin/setpriv")) return null;
        // A clone under a folder only root may enter (mktemp -d, /root): uid 65534 cannot reach the CLI at all.
        var reach = ProcessRunner.Run(tmp.Path, "/usr/bin/setpriv", new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", Cli.Dll });
        if (reach.ExitCode != 0) return null;
        var home = Path.Combine(tmp.Path, ".home");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0x1FF);
        // The repository belongs to root: git refuses it to another user unless safe.directory says otherwise (command-line scope).
        var command = new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=" + home, "DOTNET_CLI_HOME=" + home, "DOTNET_NOLOGO=1",
            "GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=safe.directory", "GIT_CONFIG_VALUE_0=*", "dotnet", Cli.Dll }.Concat(args);
        return ProcessRunner.Run(tmp.Path, "/usr/bin/setpriv", command, timeout: TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void An_unreadable_folder_in_git_mode_is_a_note_naming_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tmp = GitRepo.Init();
        tmp.Write("locked/.env.staging", $"APP_ENV=staging\nPAYMENT_KEY={Fake.StripeLive}\n");
        tmp.Write("open/.env.staging", "APP_ENV=staging\n");
        tmp.Git("add", "open/.env.staging", "locked/.env.staging");
        tmp.Git("commit", "-q", "-m", "init");
        tmp.Write("locked/.env.production", "APP_ENV=production\n");
        var locked = Path.Combine(tmp.Path, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var r = RunUnprivileged(tmp, "check");
            if (r is null) return; // root without setpriv, or the CLI out of an unprivileged user's reach: nothing to test
            Assert.Contains("locked: note: cannot read folder (permission denied): its untracked config files were not checked", r.Stdout);
            Assert.Contains("locked: note: cannot read folder (permission denied): the tracked config files in it were not checked", r.Stdout);
            Assert.DoesNotContain("CG0001", r.Stdout);

            // With nothing else to read, the gate does not pass.
            File.Delete(Path.Combine(tmp.Path, "open/.env.staging"));
            var none = RunUnprivileged(tmp, "check")!;
            Assert.Equal(2, none.ExitCode);
            Assert.Contains("could be read", none.Stderr);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
