using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>Runs git for what only git knows exactly: the repository root and which files are tracked or ignored.</summary>
public static class GitRepository
{
    /// <summary>The work-tree root containing <paramref name="directory"/>, or null when it is not in a git repository or git is missing.</summary>
    public static string? FindRoot(string directory)
    {
        // The folder holding .git (a folder, or a file in worktrees and submodules) is the work-tree root: found
        // without starting a process, which matters for a pre-commit hook. When git itself is missing, the later
        // `git ls-files` fails and discovery falls back to reading .gitignore files.
        var dir = new DirectoryInfo(directory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, ".git")) && !File.Exists(Path.Combine(dir.FullName, ".git")))
            dir = dir.Parent;
        return dir is null ? null : Path.GetFullPath(dir.FullName);
    }

    /// <summary>
    /// Files git would consider: tracked ones and untracked ones that no ignore rule covers (`ls-files -t -c -o --exclude-standard`).
    /// Paths are relative to the root, `/`-separated, as git prints them.
    /// </summary>
    public static IEnumerable<(string Path, bool Tracked)>? ListFiles(string root, IReadOnlyList<string> pathSpecs) =>
        ListFiles(root, pathSpecs, out _);

    /// <param name="unreadableFolders">Folders git could not open while listing untracked files (it warns and goes on).</param>
    public static List<(string Path, bool Tracked)>? ListFiles(string root, IReadOnlyList<string> pathSpecs, out List<string> unreadableFolders)
    {
        var args = new List<string> { "-c", "core.quotepath=off", "ls-files", "-z", "-t", "-c", "-o", "--exclude-standard", "--" };
        args.AddRange(pathSpecs);
        // Read as git prints it, one "<tag> <path>" record at a time: the listing of a large repository as one string
        // (then split, then cut) was three copies of it, the first two on the large-object heap, whose first collection
        // is a full one.
        var result = new List<(string Path, bool Tracked)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (code, error) = Run(root, false, args.ToArray(), output =>
        {
            foreach (var item in NulSeparatedRecords.Read(output, skip: 2))
            {
                if (seen.Add(item.Text)) result.Add((item.Text, item.First != '?'));
            }
        });
        unreadableFolders = UnreadableFolders(error);
        return code == 0 ? result : null;
    }

    /// <summary>
    /// The submodules (gitlinks, mode 160000) among the index entries under <paramref name="pathSpecs"/>, as
    /// repository-relative paths; empty when there are none or git fails. `ls-files -t` shows a gitlink as any tracked
    /// file, so only this listing tells them apart; callers run it only when the repository tracks a `.gitmodules`.
    /// </summary>
    public static List<string> Gitlinks(string root, IReadOnlyList<string> pathSpecs)
    {
        var args = new List<string> { "-c", "core.quotepath=off", "ls-files", "-s", "-z", "--" };
        args.AddRange(pathSpecs);
        var (code, output, _) = Run(root, args.ToArray());
        var links = new List<string>();
        if (code != 0) return links;
        foreach (var item in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <object> <stage>\t<path>"
            int tab = item.IndexOf('\t');
            if (tab > 0 && item.StartsWith("160000 ", StringComparison.Ordinal)) links.Add(item[(tab + 1)..]);
        }
        return links.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The folders named in git's "warning: could not open directory 'x/': Permission denied" lines (git skips them,
    /// so their untracked files would be missed without a word).
    /// </summary>
    public static List<string> UnreadableFolders(string stderr)
    {
        const string Marker = "could not open directory '";
        var folders = new List<string>();
        foreach (var line in stderr.Split('\n'))
        {
            int at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0) continue;
            int start = at + Marker.Length;
            int end = line.IndexOf("':", start, StringComparison.Ordinal);
            if (end <= start) continue;
            folders.Add(line[start..end].TrimEnd('/'));
        }
        return folders;
    }

    /// <summary>Runs git and collects what it prints; code -1 (and the reason in Error) when git cannot be started.</summary>
    public static (int Code, string Output, string Error) Run(string workingDirectory, params string[] args) => Run(workingDirectory, false, args);

    /// <param name="honourHooksPath">See <see cref="StartInfo"/>.</param>
    public static (int Code, string Output, string Error) Run(string workingDirectory, bool honourHooksPath, params string[] args)
    {
        string output = "";
        var (code, error) = Run(workingDirectory, honourHooksPath, args, o => output = o.ReadToEnd());
        return (code, output, error);
    }

    /// <summary>Runs git, handing what it prints to <paramref name="readOutput"/> as it comes; code -1 (and the reason) when git cannot be started.</summary>
    private static (int Code, string Error) Run(string workingDirectory, bool honourHooksPath, string[] args, Action<TextReader> readOutput)
    {
        Process p;
        try
        {
            p = Process.Start(StartInfo(workingDirectory, args, redirectInput: false, honourHooksPath))!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
        using (p) return Collect(p, readOutput);
    }

    /// <summary>
    /// How ConfigGuard starts git: in <paramref name="workingDirectory"/>, output as UTF-8, nothing through a shell,
    /// hardened against the repository's own configuration (<see cref="Hardening"/>).
    /// A git that reads requests on standard input (<paramref name="redirectInput"/>, `cat-file --batch`) runs as long as
    /// the scan, and nobody drains its standard error, so that stays the terminal's; otherwise <see cref="Collect"/> reads it.
    /// </summary>
    /// <param name="honourHooksPath">Only for asking git where hooks live (`hook install`): core.hooksPath is kept as configured.</param>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, bool redirectInput, bool honourHooksPath = false)
    {
        var psi = Bare(workingDirectory, redirectInput);
        foreach (var a in Hardening(workingDirectory, honourHooksPath)) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    private static ProcessStartInfo Bare(string workingDirectory, bool redirectInput)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = !redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // Never write the index as a side effect (which would run a post-index-change hook), never prompt, never page.
        psi.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_PAGER"] = "cat";
        return psi;
    }

    /// <summary>
    /// A scanned repository is untrusted, and so is its .git/config (a checkout unpacked from an archive, a CI job on a
    /// contributor's tree). Reading the index and trees must not run any command that config names. Of git's settings
    /// that run a program, these can fire on what ConfigGuard asks (ls-files, diff, ls-tree, cat-file, config):
    /// core.fsmonitor (run by every command that reads the index: ls-files included), a hook (post-index-change when
    /// an index refresh is written: GIT_OPTIONAL_LOCKS=0 and an empty core.hooksPath), and the clean/smudge/process
    /// filters and diff drivers named by .gitattributes (a racily clean file is re-hashed through its clean filter;
    /// every filter.*/diff.* command the config defines is overridden with an empty one, and --no-ext-diff is passed to
    /// diff). The others (core.sshCommand, core.askPass, credential.helper, core.pager, core.editor, gpg.program,
    /// remote.*.uploadpack, core.alternateRefsCommand, merge drivers) belong to network, signing, editing or merging
    /// commands ConfigGuard never runs; the pager and prompts are switched off besides. Checked by
    /// HostileGitConfigTests with a repository whose config plants each of the firing ones.
    /// </summary>
    internal static IReadOnlyList<string> Hardening(string workingDirectory, bool honourHooksPath = false)
    {
        var args = new List<string> { "-c", "core.fsmonitor=false" };
        if (!honourHooksPath) args.AddRange(new[] { "-c", "core.hooksPath=" + (OperatingSystem.IsWindows() ? "NUL" : "/dev/null") });
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in ConfiguredCommands.GetOrAdd(Path.GetFullPath(workingDirectory), ReadConfiguredCommands))
        {
            args.Add("-c");
            args.Add(key + "=");
            // filter.NAME.required=true would turn the emptied filter into a fatal error: the filter becomes optional.
            if (key.StartsWith("filter.", StringComparison.OrdinalIgnoreCase) && required.Add(key[..key.LastIndexOf('.')]))
            {
                args.Add("-c");
                args.Add(key[..key.LastIndexOf('.')] + ".required=false");
            }
        }
        return args;
    }

    private static readonly ConcurrentDictionary<string, string[]> ConfiguredCommands = new(StringComparer.Ordinal);

    /// <summary>Every filter.NAME.clean/smudge/process and diff.NAME.command/textconv the configuration defines (names as git prints them).</summary>
    private static string[] ReadConfiguredCommands(string workingDirectory)
    {
        var psi = Bare(workingDirectory, redirectInput: false);
        foreach (var a in new[] { "-c", "core.fsmonitor=false", "config", "-z", "--name-only", "--get-regexp", @"^(filter|diff)\..+\.(clean|smudge|process|command|textconv)$" })
            psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var (code, output, _) = Collect(p);
            // Exit 1: no such key. Anything else: the config cannot be read, and the command that follows says so.
            if (code != 0) return Array.Empty<string>();
            return output.Split(new[] { '\0', '\n' }, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// Reads what a started git prints until it exits. Standard error is drained on a thread of its own with blocking
    /// reads (not ReadToEndAsync, whose pipe I/O starts .NET's socket engine: several milliseconds of a hook's start-up).
    /// </summary>
    public static (int Code, string Output, string Error) Collect(Process p)
    {
        string output = "";
        var (code, error) = Collect(p, o => output = o.ReadToEnd());
        return (code, output, error);
    }

    private static (int Code, string Error) Collect(Process p, Action<TextReader> readOutput)
    {
        string error = "";
        var drain = new Thread(() => error = p.StandardError.ReadToEnd()) { IsBackground = true, Name = "git stderr" };
        drain.Start();
        readOutput(p.StandardOutput);
        drain.Join();
        p.WaitForExit();
        return (p.ExitCode, error);
    }
}
