using ConfigGuard.Core.Text;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// A PATH argument that holds a glob (`configguard check '**/.env*'`) because the shell did not expand it (quoted,
/// `globstar` off, cmd.exe and PowerShell never expand): expanded here the way a shell with globstar would, against the
/// file system below the glob's literal prefix (`deploy/**/*.env` walks deploy/). Matching uses Core's
/// <see cref="Glob"/> (the same non-backtracking globs as configguard.yaml); the walk never follows a symbolic link,
/// skips `.git` and stops after <see cref="MaxEntries"/> entries, so a pattern cannot make the scan walk forever.
/// </summary>
public static class PathArgumentGlob
{
    public const int MaxEntries = 200_000;

    public static bool HasGlob(string argument) => argument.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0;

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var d = Path.GetDirectoryName(path); !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d)) yield return d;
    }

    /// <summary>The files and folders matching <paramref name="pattern"/>, full paths in ordinal order; empty when none match.</summary>
    public static List<string> Expand(string pattern)
    {
        var p = pattern.Replace('\\', '/');
        bool absolute = p.StartsWith('/');
        var segments = p.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int literal = 0;
        while (literal < segments.Length - 1 && !HasGlob(segments[literal])) literal++;
        var prefix = string.Join('/', segments.Take(literal));
        var baseDir = Path.GetFullPath(absolute ? "/" + prefix : prefix.Length == 0 ? "." : prefix);
        var found = new List<string>();
        if (!Directory.Exists(baseDir)) return found;
        var glob = new Glob("/" + string.Join('/', segments.Skip(literal)));

        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((baseDir, ""));
        int seen = 0;
        while (pending.Count > 0 && seen < MaxEntries)
        {
            var (dir, rel) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (++seen > MaxEntries) break;
                var relative = rel.Length == 0 ? entry.Name : rel + "/" + entry.Name;
                bool link = entry.LinkTarget is not null;
                bool isDir = entry is DirectoryInfo;
                if (glob.IsMatch(relative)) found.Add(entry.FullName);
                if (isDir && !link && entry.Name != ".git") pending.Push((entry.FullName, relative));
            }
        }
        found.Sort(StringComparer.Ordinal);
        // A matching folder is scanned whole: the matches inside it are not listed again.
        var folders = new HashSet<string>(found.Where(Directory.Exists), StringComparer.Ordinal);
        return found.Where(f => !Ancestors(f).Any(folders.Contains)).ToList();
    }
}
