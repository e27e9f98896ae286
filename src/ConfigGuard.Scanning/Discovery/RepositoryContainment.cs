namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Nothing outside the repository root is read, ever. A path is inside when, resolved component by component from
/// the root, it never leaves the root lexically ('..') and none of its components is a symbolic link: a committed
/// `etcdir -> /etc` makes `etcdir/passwd` a path outside the repository however innocent it looks. One small check
/// that every reader calls before it opens a repository file (discovered files, kustomize references,
/// `.editorconfig`, `.gitignore`).
/// </summary>
public static class RepositoryContainment
{
    /// <returns>null when <paramref name="fullPath"/> is inside <paramref name="root"/> with no symbolic link on the way;
    /// else why not, naming the place (repository-relative) and never a link's target.</returns>
    public static string? WhyOutside(string root, string fullPath)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(fullPath);
        var relative = Path.GetRelativePath(rootFull, full);
        if (relative == ".") return null;
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return "outside the repository; not read";
        var current = rootFull;
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = i < parts.Length - 1 ? new DirectoryInfo(current) : new FileInfo(current);
            try
            {
                if (info.LinkTarget is not null)
                {
                    var where = string.Join('/', parts, 0, i + 1);
                    return i < parts.Length - 1 ? $"'{where}' is a symbolic link to a folder, which may lead outside the repository; not followed" : "symbolic link, not followed";
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null; // cannot tell: the open that follows reports the real error
            }
            if (i < parts.Length - 1 && !info.Exists) return null; // a missing folder: nothing to read, nothing leaked
        }
        return null;
    }
}
