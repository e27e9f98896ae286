using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Settings;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Finds the config files under the given paths. Inside a git repository git lists them (exact .gitignore semantics,
/// one process); elsewhere a walker reads .gitignore files itself. bin/, obj/, node_modules/ and .git/ are never entered;
/// vendored folders (vendor/, third_party/, ...: <see cref="ConfigGuardSettings.VendoredDirectories"/>) are skipped unless
/// configguard.yaml's include: takes a path back;
/// symbolic links are not followed.
/// </summary>
public sealed class FileDiscovery
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    public FileDiscovery(string root, bool isGitRepository)
    {
        Root = root;
        IsGitRepository = isGitRepository;
    }

    public string Root { get; }
    public bool IsGitRepository { get; }
    public List<Notice> Notices { get; } = new();
    /// <summary>Folders the walker could not list (outside git).</summary>
    public int UnreadableFolders { get; private set; }

    public List<DiscoveredFile> Find(IReadOnlyList<string> fullPaths, ConfigGuardSettings settings)
    {
        var files = new List<DiscoveredFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<string> unreadable = new();
        var fromGit = IsGitRepository ? GitRepository.ListFiles(Root, fullPaths.Select(p => Relative(p) is "" ? "." : Relative(p)).ToList(), out unreadable) : null;
        if (fromGit is not null)
        {
            foreach (var folder in unreadable)
                Notices.Add(new Notice(folder.Length == 0 ? "." : folder, "cannot read folder (permission denied): its untracked config files were not checked"));
            var blockedFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, tracked) in fromGit)
            {
                if (!Wanted(path, settings)) continue;
                var full = Path.Combine(Root, path);
                if (path.Contains('\uFFFD'))
                {
                    // git printed bytes that are not UTF-8: the name cannot be given back to the file system, so the
                    // file cannot be opened. A live key in such a folder must not pass without a word.
                    if (seen.Add(path)) Unreadable.Add(path);
                    Notices.Add(new Notice(path, "the file's path is not valid UTF-8 (shown with \uFFFD); it cannot be opened by name and was not checked: rename it"));
                    continue;
                }
                if (!File.Exists(full))
                {
                    // A tracked file that is not there was deleted (git's business); one behind a folder that cannot be read was skipped.
                    if (tracked && BlockedFolder(path) is { } blocked && seen.Add(path))
                    {
                        Unreadable.Add(path);
                        if (blockedFolders.Add(blocked)) Notices.Add(new Notice(blocked, "cannot read folder (permission denied): the tracked config files in it were not checked"));
                    }
                    continue;
                }
                if (!seen.Add(path)) continue;
                files.Add(new DiscoveredFile(full, path, new FileFacts(tracked, tracked ? null : false)));
            }
        }
        else
        {
            foreach (var p in fullPaths) Walk(p, settings, files, seen);
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>Config files discovery found but could not open (a path that is not UTF-8, a folder it may not read): they count as found and unread.</summary>
    public List<string> Unreadable { get; } = new();

    /// <summary>The first folder on <paramref name="relativePath"/>'s way that exists but cannot be listed, or null.</summary>
    private string? BlockedFolder(string relativePath)
    {
        var parts = relativePath.Split('/');
        var dir = Root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            dir = Path.Combine(dir, parts[i]);
            if (!Directory.Exists(dir)) return null;
            try { using var e = Directory.EnumerateFileSystemEntries(dir).GetEnumerator(); e.MoveNext(); }
            catch (UnauthorizedAccessException) { return string.Join('/', parts.Take(i + 1)); }
            catch (IOException) { return string.Join('/', parts.Take(i + 1)); }
        }
        return null;
    }

    internal static bool Wanted(string relativePath, ConfigGuardSettings settings)
    {
        if (ConfigFileKind.Detect(RepoPath.FileName(relativePath)) is null) return false;
        foreach (var segment in relativePath.Split('/').SkipLast(1))
        {
            if (SkippedDirectories.Contains(segment)) return false;
        }
        return !settings.IsExcluded(relativePath) && !settings.IsVendored(relativePath);
    }

    private void Walk(string start, ConfigGuardSettings settings, List<DiscoveredFile> files, HashSet<string> seen)
    {
        if (File.Exists(start))
        {
            var rel = Relative(start);
            if (ConfigFileKind.Detect(Path.GetFileName(start)) is not null && seen.Add(rel))
                files.Add(new DiscoveredFile(start, rel, new FileFacts(null, false)));
            return;
        }
        var ignore = new GitIgnoreMatcher();
        LoadIgnoreFilesAbove(start, ignore);
        var stack = new Stack<string>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            var relDir = Relative(dir);
            var gitignore = Path.Combine(dir, ".gitignore");
            if (File.Exists(gitignore)) ignore.Add(relDir, SafeRead(gitignore));
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList(); }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Notices.Add(new Notice(relDir.Length == 0 ? "." : relDir, relDir.Contains('\uFFFD')
                    ? "the folder's name is not valid UTF-8 (shown with \uFFFD); it cannot be opened by name and its files were not checked: rename it"
                    : $"cannot read folder ({IoErrors.Describe(e)}); its config files were not checked"));
                UnreadableFolders++;
                continue;
            }
            var subdirs = new List<string>();
            foreach (var entry in entries)
            {
                var rel = relDir.Length == 0 ? entry.Name : relDir + "/" + entry.Name;
                bool isDir = entry is DirectoryInfo;
                if (entry.LinkTarget is not null)
                {
                    if (isDir || ConfigFileKind.Detect(entry.Name) is not null) Notices.Add(new Notice(rel, "symbolic link, not followed"));
                    continue;
                }
                if (isDir)
                {
                    bool vendored = ConfigGuardSettings.VendoredDirectories.Contains(entry.Name) && settings.Include.Count == 0;
                    if (!SkippedDirectories.Contains(entry.Name) && !vendored && !ignore.IsIgnored(rel, true)) subdirs.Add(entry.FullName);
                }
                else if (Wanted(rel, settings) && !ignore.IsIgnored(rel, false) && seen.Add(rel))
                {
                    files.Add(new DiscoveredFile(entry.FullName, rel, new FileFacts(null, false)));
                }
            }
            for (int i = subdirs.Count - 1; i >= 0; i--) stack.Push(subdirs[i]);
        }
    }

    private void LoadIgnoreFilesAbove(string start, GitIgnoreMatcher ignore)
    {
        var rel = Relative(start);
        if (rel.Length == 0) return;
        var dir = Root;
        var parts = rel.Split('/');
        var acc = "";
        for (int i = 0; i < parts.Length; i++)
        {
            var gi = Path.Combine(dir, ".gitignore");
            if (File.Exists(gi) && RepositoryContainment.WhyOutside(Root, gi) is null) ignore.Add(acc, SafeRead(gi));
            dir = Path.Combine(dir, parts[i]);
            acc = acc.Length == 0 ? parts[i] : acc + "/" + parts[i];
        }
    }

    private static string SafeRead(string path)
    {
        // Only a regular file, read up to the scan's size cap: a FIFO or a link to /dev/zero here must not hang or exhaust memory.
        var read = Discovery.RegularFile.Read(path, ScanSession.DefaultMaxFileBytes);
        return read.Outcome == Discovery.RegularFile.Outcome.Read ? Core.Engine.SourceDecoder.Decode(read.Bytes!, read.Bytes!.Length, out _) ?? "" : "";
    }

    public string Relative(string fullPath)
    {
        var rel = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }
}
