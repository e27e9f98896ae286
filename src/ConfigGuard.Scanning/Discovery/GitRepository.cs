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
    public static IEnumerable<(string Path, bool Tracked)>? ListFiles(string root, IReadOnlyList<string> pathSpecs)
    {
        var args = new List<string> { "-c", "core.quotepath=off", "ls-files", "-z", "-t", "-c", "-o", "--exclude-standard", "--" };
        args.AddRange(pathSpecs);
        var (code, output, _) = Run(root, args.ToArray());
        if (code != 0) return null;
        var result = new List<(string, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.Length < 3) continue;
            char tag = item[0];
            var path = item[2..];
            if (!seen.Add(path)) continue;
            result.Add((path, tag != '?'));
        }
        return result;
    }

    /// <summary>Runs git and collects what it prints; code -1 (and the reason in Error) when git cannot be started.</summary>
    public static (int Code, string Output, string Error) Run(string workingDirectory, params string[] args)
    {
        Process p;
        try
        {
            p = Process.Start(StartInfo(workingDirectory, args, redirectInput: false))!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
        using (p) return Collect(p);
    }

    /// <summary>
    /// How ConfigGuard starts git: in <paramref name="workingDirectory"/>, output as UTF-8, nothing through a shell.
    /// A git that reads requests on standard input (<paramref name="redirectInput"/>, `cat-file --batch`) runs as long as
    /// the scan, and nobody drains its standard error, so that stays the terminal's; otherwise <see cref="Collect"/> reads it.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, bool redirectInput)
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
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>
    /// Reads what a started git prints until it exits. Standard error is drained on a thread of its own with blocking
    /// reads (not ReadToEndAsync, whose pipe I/O starts .NET's socket engine: several milliseconds of a hook's start-up).
    /// </summary>
    public static (int Code, string Output, string Error) Collect(Process p)
    {
        string error = "";
        var drain = new Thread(() => error = p.StandardError.ReadToEnd()) { IsBackground = true, Name = "git stderr" };
        drain.Start();
        var output = p.StandardOutput.ReadToEnd();
        drain.Join();
        p.WaitForExit();
        return (p.ExitCode, output, error);
    }
}
