using ConfigGuard.Core.Concurrency;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Settings;
using ConfigGuard.Core.Text;
using ConfigGuard.Scanning.Errors;

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

    /// <summary>
    /// The full paths of the C# project files (*.csproj) under the scanned folders, found by the same listing as the
    /// config files (git's, or the walk with its .gitignore files), so `check` finds the projects without walking the
    /// tree a second time and leaves out an ignored or vendored one as it leaves out such config. Not under bin/, obj/,
    /// node_modules/, .git/ or .vs/. Empty when a scanned path is a file.
    /// </summary>
    public List<string> ProjectFiles { get; } = new();

    /// <summary>Folders that hold no C# project's own files (build output, packages, git, Visual Studio's state): the project finder and its source walk skip them.</summary>
    public static readonly IReadOnlySet<string> NotProjectFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git", ".vs" };

    public List<DiscoveredFile> Find(IReadOnlyList<string> fullPaths, ConfigGuardSettings settings)
    {
        var files = new List<DiscoveredFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<string> unreadable = new();
        var specs = fullPaths.Select(p => Relative(p) is "" ? "." : Relative(p)).ToList();
        var fromGit = IsGitRepository ? GitRepository.ListFiles(Root, specs, out unreadable) : null;
        if (fromGit is not null)
        {
            AddListed(Root, "", fromGit, unreadable, settings, files, seen);
            AddNestedRepositories(Root, "", fromGit, specs, settings, files, seen, depth: 0);
        }
        else
        {
            foreach (var p in fullPaths) Walk(p, settings, files, seen);
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private void AddProject(string fullPath, string relativePath, ConfigGuardSettings settings)
    {
        var segments = relativePath.Split('/');
        for (int i = 0; i < segments.Length - 1; i++) if (NotProjectFolders.Contains(segments[i])) return;
        if (!settings.IsVendored(relativePath)) ProjectFiles.Add(fullPath);
    }

    /// <summary>Nested repositories are followed this deep at most (a submodule of a submodule of ...).</summary>
    private const int MaxRepositoryNesting = 8;

    /// <summary>Adds the config files of one repository's listing; <paramref name="prefix"/> is that repository's folder under <see cref="Root"/> ("" or "a/b/").</summary>
    private void AddListed(string repoRoot, string prefix, List<(string Path, bool Tracked)> listing, List<string> unreadable,
        ConfigGuardSettings settings, List<DiscoveredFile> files, HashSet<string> seen)
    {
        foreach (var folder in unreadable)
            Notices.Add(new Notice((prefix + folder).Length == 0 ? "." : prefix + folder, "cannot read folder (permission denied): its untracked config files were not checked"));
        var blockedFolders = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new List<(string Path, string Full, bool Tracked)>();
        foreach (var (listed, tracked) in listing)
        {
            var path = prefix + listed;
            if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) AddProject(Path.Combine(repoRoot, listed), path, settings);
            if (Wanted(path, settings)) wanted.Add((path, Path.Combine(repoRoot, listed), tracked));
        }
        // git lists a tracked file that was deleted: one stat per config file tells, on every core (the rest of a
        // scan waits for discovery).
        var exists = new bool[wanted.Count];
        ParallelWork.For(wanted.Count, i => exists[i] = File.Exists(wanted[i].Full));
        for (int i = 0; i < wanted.Count; i++)
        {
            var (path, full, tracked) = wanted[i];
            if (path.Contains('\uFFFD'))
            {
                // git printed bytes that are not UTF-8: the name cannot be given back to the file system, so the
                // file cannot be opened. A live key in such a folder must not pass without a word.
                if (seen.Add(path)) Unreadable.Add(path);
                Notices.Add(new Notice(path, "the file's path is not valid UTF-8 (shown with \uFFFD); it cannot be opened by name and was not checked: rename it"));
                continue;
            }
            if (!exists[i])
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

    /// <summary>
    /// Repositories inside this one: submodules (gitlinks, looked for only when the repository has a `.gitmodules`) and untracked
    /// nested repositories (git lists them as `folder/` and never looks inside). git does not list their files, so
    /// without this their config would be skipped without a word. A checked-out one is listed with its own git (its own
    /// ignore rules) and its config files are scanned under its folder; one that is not checked out is a note.
    /// </summary>
    private void AddNestedRepositories(string repoRoot, string prefix, List<(string Path, bool Tracked)> listing, IReadOnlyList<string> specs,
        ConfigGuardSettings settings, List<DiscoveredFile> files, HashSet<string> seen, int depth)
    {
        var nested = new List<(string Path, bool Submodule)>();
        foreach (var (path, tracked) in listing)
            if (!tracked && path.EndsWith('/')) nested.Add((path.TrimEnd('/'), false));
        if (File.Exists(Path.Combine(repoRoot, ".gitmodules")))
            nested.AddRange(GitRepository.Gitlinks(repoRoot, specs).Select(p => (p, true)));
        foreach (var (path, submodule) in nested)
        {
            var rel = prefix + path;
            var what = submodule ? "git submodule" : "nested git repository";
            // Folders never entered (bin/, node_modules/, ...) and vendored ones stay skipped, submodule or not.
            if (rel.Split('/').Any(SkippedDirectories.Contains) || settings.IsVendored(rel + "/-")) continue;
            var full = Path.Combine(repoRoot, path);
            if (RepositoryContainment.WhyOutside(Root, full) is { } outside)
            {
                Notices.Add(new Notice(rel, $"{what}: {outside}"));
                continue;
            }
            if (!Directory.Exists(Path.Combine(full, ".git")) && !File.Exists(Path.Combine(full, ".git")))
            {
                if (submodule) Notices.Add(new Notice(rel, "git submodule not checked out (git submodule update --init): its config files were not checked"));
                continue;
            }
            if (depth >= MaxRepositoryNesting)
            {
                Notices.Add(new Notice(rel, $"{what} nested more than {MaxRepositoryNesting} repositories deep: its config files were not checked"));
                continue;
            }
            var inner = GitRepository.ListFiles(full, new[] { "." }, out var innerUnreadable);
            if (inner is null)
            {
                Notices.Add(new Notice(rel, $"{what} that git could not list: its config files were not checked"));
                UnreadableFolders++;
                continue;
            }
            AddListed(full, rel + "/", inner, innerUnreadable, settings, files, seen);
            AddNestedRepositories(full, rel + "/", inner, new[] { "." }, settings, files, seen, depth + 1);
        }
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
            List<FolderListing.Entry> entries;
            try
            {
                entries = FolderListing.List(dir);
                entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Notices.Add(new Notice(relDir.Length == 0 ? "." : relDir, relDir.Contains('\uFFFD')
                    ? "the folder's name is not valid UTF-8 (shown with \uFFFD); it cannot be opened by name and its files were not checked: rename it"
                    : $"cannot read folder ({IoErrors.Describe(e)}); its config files were not checked"));
                UnreadableFolders++;
                continue;
            }
            // A link named .gitignore is not read (RegularFile refuses links), as before this listing told links apart.
            if (entries.Exists(e => e.Name == ".gitignore" && e.Kind == FolderListing.Kind.File)) ignore.Add(relDir, SafeRead(Path.Combine(dir, ".gitignore")));
            var subdirs = new List<string>();
            foreach (var entry in entries)
            {
                var rel = relDir.Length == 0 ? entry.Name : relDir + "/" + entry.Name;
                var fullName = Path.Combine(dir, entry.Name);
                bool isDir = entry.Kind is FolderListing.Kind.Folder or FolderListing.Kind.FolderLink;
                if (entry.Kind is FolderListing.Kind.Link or FolderListing.Kind.FolderLink)
                {
                    if (isDir || ConfigFileKind.Detect(entry.Name) is not null) Notices.Add(new Notice(rel, "symbolic link, not followed"));
                    continue;
                }
                if (isDir)
                {
                    bool vendored = ConfigGuardSettings.VendoredDirectories.Contains(entry.Name) && settings.Include.Count == 0;
                    if (!SkippedDirectories.Contains(entry.Name) && !vendored && !ignore.IsIgnored(rel, true)) subdirs.Add(fullName);
                }
                else if (entry.Name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    if (!ignore.IsIgnored(rel, false)) AddProject(fullName, rel, settings);
                }
                else if (Wanted(rel, settings) && !ignore.IsIgnored(rel, false) && seen.Add(rel))
                {
                    files.Add(new DiscoveredFile(fullName, rel, new FileFacts(null, false)));
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
        var read = Discovery.RegularFile.Read(path, RegularFile.DefaultMaxBytes);
        return read.Outcome == Discovery.RegularFile.Outcome.Read ? read.Decode(out _) ?? "" : "";
    }

    public string Relative(string fullPath)
    {
        var rel = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }
}
