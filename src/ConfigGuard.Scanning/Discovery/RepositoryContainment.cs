using System.Collections.Concurrent;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Nothing outside the repository root is read, ever. A path is inside when, resolved component by component from
/// the root, it never leaves the root lexically ('..') and none of its components is a symbolic link: a committed
/// `etcdir -> /etc` makes `etcdir/passwd` a path outside the repository however innocent it looks. One small check
/// that every reader calls before it opens a repository file (discovered files, kustomize references,
/// `.editorconfig`, `.gitignore`).
/// A scan makes one instance per root: each folder's answer (link, missing, or a plain folder all the way from the
/// root) is computed once and shared by every file in it, so 14,000 files in 3,000 folders cost 3,000 folder checks,
/// not 14,000 walks of 5 components each (that walk was most of the time spent reading files).
/// </summary>
public sealed class RepositoryContainment
{
    private readonly string _rootFull;
    // Repository-relative folder ('/'-separated, "" for the root) -> its chain's answer.
    private readonly ConcurrentDictionary<string, Chain> _folders = new(StringComparer.Ordinal);

    private readonly record struct Chain(bool Stop, string? Why);

    public RepositoryContainment(string root) => _rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <returns>null when <paramref name="fullPath"/> is inside <paramref name="root"/> with no symbolic link on the way;
    /// else why not, naming the place (repository-relative) and never a link's target.</returns>
    public static string? WhyOutside(string root, string fullPath) => new RepositoryContainment(root).WhyOutside(fullPath);

    /// <param name="checkFile">Also ask whether the file itself is a symbolic link ("symbolic link, not followed");
    /// false when the reader that follows refuses links itself.</param>
    public string? WhyOutside(string fullPath, bool checkFile = true)
    {
        var full = Path.GetFullPath(fullPath);
        var relative = Path.GetRelativePath(_rootFull, full);
        if (relative == ".") return null;
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return "outside the repository; not read";
        return WhyOutsideRelative(relative.Replace(Path.DirectorySeparatorChar, '/').Trim('/'), checkFile);
    }

    /// <summary>The check itself, for a clean repository-relative path: each folder on the way, then (optionally) the file.</summary>
    private string? WhyOutsideRelative(string relative, bool checkFile)
    {
        int slash = relative.LastIndexOf('/');
        var folder = Folder(slash < 0 ? "" : relative[..slash]);
        if (folder.Stop) return folder.Why;
        if (!checkFile) return null;
        try
        {
            if (new FileInfo(Path.Combine(_rootFull, relative)).LinkTarget is not null) return "symbolic link, not followed";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // cannot tell: the open that follows reports the real error
        }
        return null;
    }

    /// <summary>
    /// <see cref="WhyOutside(string, bool)"/> for a file discovery listed, by its repository-relative path: a clean path
    /// ('/'-separated, no '.' or '..' component, no empty one) needs no normalizing against the root; any other goes the
    /// long way. The file itself is not asked about (its reader refuses a link).
    /// </summary>
    public string? WhyOutsideListed(string relativePath, string fullPath) =>
        IsClean(relativePath) ? WhyOutsideRelative(relativePath, checkFile: false) : WhyOutside(fullPath, checkFile: false);

    private static bool IsClean(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || relative.IndexOf('\\') >= 0) return false;
        int start = 0;
        while (true)
        {
            int end = relative.IndexOf('/', start);
            int length = (end < 0 ? relative.Length : end) - start;
            if (length == 0) return false;
            if (relative[start] == '.' && (length == 1 || (length == 2 && relative[start + 1] == '.'))) return false;
            if (end < 0) return true;
            start = end + 1;
        }
    }

    /// <summary>A folder's answer: Stop with a reason (a link on the way), Stop without one (missing or cannot tell:
    /// nothing to read, nothing leaked; the open that follows reports it), or go on.</summary>
    private Chain Folder(string relative)
    {
        if (relative.Length == 0) return default;
        if (_folders.TryGetValue(relative, out var known)) return known;
        int slash = relative.LastIndexOf('/');
        var parent = Folder(slash < 0 ? "" : relative[..slash]);
        Chain answer = parent;
        if (!parent.Stop)
        {
            var info = new DirectoryInfo(Path.Combine(_rootFull, relative));
            try
            {
                // One lstat answers both questions: a link (ReparsePoint on Unix, a link or junction on Windows), or
                // not there (-1), or not a folder.
                var attributes = info.Attributes;
                if ((int)attributes == -1) answer = new Chain(true, null);
                else if ((attributes & FileAttributes.ReparsePoint) != 0)
                    answer = new Chain(true, $"'{relative}' is a symbolic link to a folder, which may lead outside the repository; not followed");
                else if ((attributes & FileAttributes.Directory) == 0) answer = new Chain(true, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                answer = new Chain(true, null);
            }
        }
        _folders[relative] = answer;
        return answer;
    }
}
