using System.Collections.Concurrent;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Concurrency;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Settings;
using ConfigGuard.Scanning.Configuration;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Scanning.Errors;
using ConfigGuard.Scanning.Timing;

namespace ConfigGuard.Scanning;

/// <summary>
/// The I/O half of a scan: finds the repository root and configguard.yaml, discovers and reads config files
/// (size cap, binary and encoding checks), then hands (path, text) to the engine.
/// </summary>
public sealed class ScanSession
{
    /// <summary>The size cap of the front ends' scans (<see cref="RegularFile.DefaultMaxBytes"/>).</summary>
    public const long DefaultMaxFileBytes = RegularFile.DefaultMaxBytes;

    private ScanSession(string root, bool isGit, ConfigGuardSettings settings, string? settingsPath, IReadOnlyList<string> paths)
    {
        Root = root;
        IsGitRepository = isGit;
        Settings = settings;
        SettingsPath = settingsPath;
        Paths = paths;
    }

    public string Root { get; }
    public bool IsGitRepository { get; }
    public ConfigGuardSettings Settings { get; }
    public string? SettingsPath { get; }
    public IReadOnlyList<string> Paths { get; }
    public RulePack Pack => RulePack.Default;

    /// <exception cref="UsageException">A path does not exist or configguard.yaml is unreadable or invalid.</exception>
    /// <param name="withoutSettings">Ignore every configguard.yaml (init infers from the files alone).</param>
    public static ScanSession Open(IReadOnlyList<string> paths, string? configPath, bool withoutSettings = false)
    {
        var full = new List<string>();
        foreach (var p in paths.Count == 0 ? new[] { "." } : paths)
        {
            var path = Path.GetFullPath(p);
            if (File.Exists(path) || Directory.Exists(path)) full.Add(path);
            else if (PathArgumentGlob.HasGlob(p))
            {
                // The shell did not expand it (quoted, no globstar, Windows): expand it as a shell would.
                var matches = PathArgumentGlob.Expand(p);
                if (matches.Count == 0) throw new UsageException($"configguard: no file or folder matches {p}");
                var known = new HashSet<string>(full, StringComparer.Ordinal);
                full.AddRange(matches.Where(known.Add));
            }
            else throw new UsageException($"configguard: path not found: {path}");
        }
        var first = Directory.Exists(full[0]) ? full[0] : Path.GetDirectoryName(full[0])!;
        var gitRoot = GitRepository.FindRoot(first);
        var root = gitRoot ?? CommonRoot(full);
        if (configPath is not null && !File.Exists(configPath))
            throw new UsageException(Directory.Exists(configPath)
                ? $"configguard: --config {configPath} is a folder; name the configguard.yaml file"
                : $"configguard: --config file not found: {Path.GetFullPath(configPath)}");
        var settingsFile = withoutSettings ? null : configPath is not null ? Path.GetFullPath(configPath) : FindSettings(first, root);
        var settings = settingsFile is null ? ConfigGuardSettings.Empty : LoadSettings(settingsFile, userNamed: configPath is not null, root);
        return new ScanSession(root, gitRoot is not null, settings, settingsFile, full);
    }

    /// <summary>
    /// When findings are all that is kept (`check`): the largest subtree analyzed whole (a tree this size or smaller is
    /// one model); CONFIGGUARD_BATCH_FILES overrides it.
    /// </summary>
    public static int BatchFiles { get; } = FromEnvironment("CONFIGGUARD_BATCH_FILES", 1000);

    /// <summary>
    /// How many files of whole subtrees one batch packs together (<see cref="ScanBatches"/> says why it is smaller than
    /// <see cref="BatchFiles"/>); CONFIGGUARD_PACK_FILES overrides it.
    /// </summary>
    public static int PackFiles { get; } = FromEnvironment("CONFIGGUARD_PACK_FILES", 100);

    private static int FromEnvironment(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : otherwise;

    private (FileDiscovery Discovery, List<DiscoveredFile> Found)? _discovered;

    /// <summary>
    /// The config files under <see cref="Paths"/> (git's listing inside a repository, a walk elsewhere), found once per
    /// session: `check` asks first for the C# projects the same listing names (<see cref="FileDiscovery.ProjectFiles"/>),
    /// then <see cref="Run"/> scans what it found.
    /// </summary>
    public (FileDiscovery Discovery, List<DiscoveredFile> Found) Discover()
    {
        if (_discovered is { } done) return done;
        var discovery = new FileDiscovery(Root, IsGitRepository);
        EngineWarmUp.Start(Pack, Settings);
        var found = discovery.Find(Paths, Settings);
        PhaseTimer.Mark("discover");
        _discovered = (discovery, found);
        return (discovery, found);
    }

    /// <param name="findingsOnly">
    /// Keep only findings, notices and suppression directives, and analyze the tree in batches of whole subtrees
    /// (<see cref="BatchFiles"/> files) so that memory stays flat however large the repository is. The full model
    /// (files, views, pairs) is kept when false: envs, checklist and diff need it.
    /// </param>
    /// <param name="alsoFind">
    /// More findings from the analysed config (`check` compares the C# projects' reads with it here, CG1007-CG1009), once
    /// over the whole tree. Kept when in scope or in a .cs file.
    /// </param>
    public ScanOutcome Run(long maxFileBytes, bool findingsOnly = false, WholeTreeCheck? alsoFind = null)
    {
        var (discovery, found) = Discover();
        var notices = new ConcurrentBag<Notice>();
        foreach (var n in discovery.Notices) notices.Add(n);
        // Config files (or folders that may hold them) discovery could not open: found, and unread.
        int unopened = discovery.Unreadable.Count + discovery.UnreadableFolders;
        var editorConfig = new EditorConfigSeverities(Root);
        var engine = new AnalysisEngine(Pack, Settings, editorConfig.For);
        // One per run: each folder between the root and a file is checked for links once, whichever file asks.
        var containment = new RepositoryContainment(Root);
        var referenced = new KustomizeReferencedFiles(Root, maxFileBytes, notices, containment);
        var prefixes = Paths.Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/')).ToList();
        bool InScope(string path) => prefixes.Any(p => p == "." || p == path || path.StartsWith(p + "/", StringComparison.Ordinal));

        if (!findingsOnly || found.Count <= BatchFiles)
        {
            var sources = ReadAll(found, maxFileBytes, notices, containment);
            var result = engine.Analyze(sources, referenced.Read, referenced.WhyUnread);
            PhaseTimer.Mark("read and analyze");
            foreach (var n in result.Notices) notices.Add(n);
            var extra = Extra(result);
            return new ScanOutcome(result, Ordered(notices))
            {
                Findings = extra.Count == 0 ? result.Findings : ScanBatches.Sorted(result.Findings.Concat(extra)),
                InScope = InScope, FilesFound = found.Count + unopened, FilesUnread = found.Count - sources.Count + unopened,
            };
        }

        var findings = new List<Finding>();
        var extraFindings = new List<Finding>();
        var directives = new List<SuppressionDirective>();
        var scanned = new HashSet<string>(StringComparer.Ordinal);
        int suppressed = 0, unread = 0;
        var batches = ScanBatches.Split(found, BatchFiles, PackFiles);
        var done = new BatchOutcome[batches.Count];
        // What the whole-tree check needs of each batch's model (the config under a C# project's config root), kept after
        // the batch until every batch is done: a project's config may span batches, and a check per batch would call a
        // key that another batch provides missing. Kept per batch and joined in batch order, so that the check sees the
        // same order whichever batch finishes first.
        var kept = new KeptForCheck?[batches.Count];
        int cores = Math.Max(1, Environment.ProcessorCount);
        // Batches are independent (whole subtrees): as many run at once as there are cores, each kept only as its
        // findings once analyzed, so memory holds that many batches' models at most. Merged in batch order below.
        // With a batch for every core, each one's loops stay on its thread (no coordination between cores); a folder
        // too large to split (10,000 .env files side by side) is a batch of its own that uses every core itself.
        Parallel.For(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
        {
            var batch = batches[i];
            using var sequential = batches.Count >= cores && batch.Count <= BatchFiles ? ParallelWork.OnThisThread() : default;
            var sources = ReadAll(batch, maxFileBytes, notices, containment);
            var result = engine.Analyze(sources, referenced.Read, referenced.WhyUnread);
            if (alsoFind is not null && result.Views.Count > 0)
            {
                var views = result.Views.Where(v => alsoFind.Needs(v.Primary.Path)).ToList();
                if (views.Count > 0)
                    kept[i] = new KeptForCheck(views, result.Files.Where(f => alsoFind.Needs(f.Path)).ToList(), result.Findings.Where(f => alsoFind.Needs(f.Path)).ToList());
            }
            foreach (var n in result.Notices) notices.Add(n);
            done[i] = new BatchOutcome(result.Findings, result.SuppressionDirectives, result.Files.Select(f => f.Path).ToList(), result.Suppressed, batch.Count - sources.Count);
        });
        foreach (var b in done)
        {
            findings.AddRange(b.Findings);
            directives.AddRange(b.Directives);
            foreach (var p in b.Paths) scanned.Add(p);
            suppressed += b.Suppressed;
            unread += b.Unread;
        }
        PhaseTimer.Mark("read and analyze");
        // A file that kustomizations in two batches reference is in both models: the check sees it once.
        var parts = kept.OfType<KeptForCheck>().ToList();
        if (parts.Count > 0)
        {
            var views = parts.SelectMany(k => k.Views).GroupBy(v => (v.Primary.Path, v.Name)).Select(g => g.First()).ToList();
            var files = parts.SelectMany(k => k.Files).GroupBy(f => f.Path).Select(g => g.First()).ToList();
            extraFindings.AddRange(Extra(new AnalysisResult(ScanBatches.Distinct(parts.SelectMany(k => k.Findings).ToList()), files, views, 0)));
        }
        // A file a kustomization in another batch references is analyzed in both: report each finding once.
        var merged = new AnalysisResult(ScanBatches.Distinct(findings), Array.Empty<ConfigFile>(), Array.Empty<EnvironmentView>(), suppressed,
            suppressionDirectives: directives.GroupBy(d => (d.Path, d.Line)).Select(g => g.First()).OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ToList());
        // Code findings are one per environment at the same read: distinct by environment too, then merged in order.
        var extraDistinct = extraFindings.GroupBy(f => (f.RuleId, f.Path, f.Span.Start, f.Environment)).Select(g => g.First());
        return new ScanOutcome(merged, Ordered(notices))
        {
            Findings = extraFindings.Count == 0 ? merged.Findings : ScanBatches.Sorted(merged.Findings.Concat(extraDistinct)),
            InScope = InScope, FilesScanned = scanned.Count, FilesFound = found.Count + unopened, FilesUnread = unread + unopened,
        };

        IReadOnlyList<Finding> Extra(AnalysisResult result) =>
            alsoFind is null ? Array.Empty<Finding>()
                : alsoFind.Find(result).Where(f => InScope(f.Path) || f.Path.EndsWith(".cs", StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// What a run reports, the same in `configguard check` and the ConfigGuardCheck task: the findings less the
    /// baseline's (<paramref name="baselineOption"/>, else <see cref="Baseline.DefaultFileName"/> at the root when it
    /// exists; none with <paramref name="noBaseline"/>), with notes on stale baseline entries and on suppression
    /// comments (<see cref="RunFinisher"/>).
    /// </summary>
    /// <exception cref="UsageException">The baseline is missing, unreadable or not a baseline.</exception>
    public FinishedScan Finish(ScanOutcome outcome, string? baselineOption = null, bool noBaseline = false, bool reportUnusedSuppressions = false)
    {
        var defaultPath = Path.Combine(Root, Baseline.DefaultFileName);
        var baselinePath = noBaseline ? null
            : baselineOption is not null ? Path.GetFullPath(baselineOption)
            : File.Exists(defaultPath) ? defaultPath : null;
        Baseline? baseline = null;
        if (baselinePath is not null)
        {
            if (!File.Exists(baselinePath)) throw new UsageException($"configguard: baseline file not found: {baselinePath}");
            baseline = BaselineFile.Load(baselinePath, userNamed: baselineOption is not null);
        }
        var shown = baselinePath is null ? Baseline.DefaultFileName : Path.GetRelativePath(Root, baselinePath).Replace('\\', '/');
        var run = RunFinisher.Finish(outcome.Findings, outcome.Notices, outcome.Directives, baseline, shown, outcome.InScope, reportUnusedSuppressions);
        return new FinishedScan(run, baselinePath);
    }

    private List<SourceFile> ReadAll(IReadOnlyList<DiscoveredFile> files, long maxFileBytes, ConcurrentBag<Notice> notices, RepositoryContainment containment)
    {
        var sources = new SourceFile?[files.Count];
        ParallelWork.For(files.Count, i => sources[i] = Read(files[i], maxFileBytes, notices, containment));
        return sources.Where(s => s is not null).Select(s => s!).ToList();
    }

    private static List<Notice> Ordered(IEnumerable<Notice> notices) =>
        notices.GroupBy(n => (n.Path, n.Message)).Select(g => g.First())
            .OrderBy(n => n.Path, StringComparer.Ordinal).ThenBy(n => n.Message, StringComparer.Ordinal).ToList();

    /// <summary>
    /// `check --staged` / `check --diff BASE`: the changed config files as git holds them (index or HEAD), plus the
    /// unchanged files they are compared with, all read from git. Context = every config file in the folder of a
    /// changed file (its .env / appsettings group and base layers) and, when a YAML file or kustomization changed,
    /// the kustomizations under its grandparent folder (sibling overlays and their base) with whatever they reference.
    /// Findings are kept when they sit in a changed file or point at one (a related location).
    /// </summary>
    public ScanOutcome RunGit(GitScope scope, long maxFileBytes)
    {
        if (!IsGitRepository) throw new UsageException("configguard: --staged, --diff and --pre-commit need a git repository (none found at " + Root + ")");
        var notices = new ConcurrentBag<Notice>();
        var specs = Paths.Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/')).Select(r => r == "." ? "" : r).Where(r => r.Length > 0).ToList();
        EngineWarmUp.Start(Pack, Settings);
        using var git = GitIndexSource.Open(Root, scope, specs);
        var changed = new HashSet<string>(git.Changed, StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var kustomizeScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in git.Changed)
        {
            var name = RepoPath.FileName(path);
            bool yaml = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || ConfigFileKind.IsKustomizationFile(name);
            if (yaml) kustomizeScopes.Add(RepoPath.Directory(RepoPath.Directory(path)));
            if (yaml || FileDiscovery.Wanted(path, Settings)) folders.Add(RepoPath.Directory(path));
        }
        // Cheap tests first: 10,000 index entries are filtered by folder before any glob of configguard.yaml runs.
        var selected = git.Entries.Values
            .Where(e => folders.Contains(RepoPath.Directory(e.Path))
                || (ConfigFileKind.IsKustomizationFile(RepoPath.FileName(e.Path)) && kustomizeScopes.Any(k => k.Length == 0 || e.Path.StartsWith(k + "/", StringComparison.Ordinal))))
            .Where(e => FileDiscovery.Wanted(e.Path, Settings))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();

        bool Readable(string path, out GitEntry entry)
        {
            if (!git.Entries.TryGetValue(path, out entry!)) return false;
            if (entry.IsSymlink)
            {
                if (changed.Contains(path)) notices.Add(new Notice(path, "symbolic link, not followed"));
                return false;
            }
            return entry.IsRegularFile;
        }

        string? Decode(string path, byte[]? bytes, long size)
        {
            if (bytes is null)
            {
                if (size > maxFileBytes && changed.Contains(path))
                    notices.Add(new Notice(path, $"file is {size:N0} bytes, over the {maxFileBytes:N0}-byte limit (--max-file-size); skipped"));
                return null;
            }
            var text = SourceDecoder.Decode(bytes, bytes.Length, out var notice);
            if (notice is not null && changed.Contains(path)) notices.Add(new Notice(path, notice));
            return text;
        }

        string? ReadEntry(string path)
        {
            if (!Readable(path, out var entry)) return null;
            var bytes = git.ReadBlob(entry.ObjectId, maxFileBytes, out var size);
            return Decode(path, bytes, size);
        }

        // The changed files and their context are read in one pipelined batch.
        var wanted = selected.Where(e => Readable(e.Path, out _)).ToList();
        var blobs = git.ReadBlobs(wanted.Select(e => e.ObjectId).ToList(), maxFileBytes);
        var read = new List<SourceFile>(wanted.Count);
        for (int i = 0; i < wanted.Count; i++)
        {
            if (Decode(wanted[i].Path, blobs[i].Bytes, blobs[i].Size) is { } text) read.Add(new SourceFile(wanted[i].Path, text, new FileFacts(true, null)));
        }
        PhaseTimer.Mark("read changed and context");
        // Files kustomizations reference come from git too; one `git cat-file --batch` serves them, so reads are serialized.
        var gate = new object();
        var referenced = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? ReadReferenced(string path)
        {
            lock (gate)
            {
                if (!referenced.TryGetValue(path, out var text)) referenced[path] = text = ReadEntry(path);
                return text;
            }
        }
        var editorConfig = new EditorConfigSeverities(Root);
        var engine = new AnalysisEngine(Pack, Settings, editorConfig.For);
        var result = engine.Analyze(read, ReadReferenced);
        PhaseTimer.Mark("analyze");
        bool InScope(string path) => changed.Contains(path);
        foreach (var n in result.Notices.Where(n => InScope(n.Path))) notices.Add(n);
        var findings = result.Findings.Where(f => InScope(f.Path) || f.Related.Any(r => InScope(r.Path))).ToList();
        var directives = result.SuppressionDirectives.Where(d => InScope(d.Path)).ToList();
        var orderedNotices = notices.OrderBy(n => n.Path, StringComparer.Ordinal).ThenBy(n => n.Message, StringComparer.Ordinal).ToList();
        int changedConfig = git.Changed.Count(p => git.Entries.ContainsKey(p) && FileDiscovery.Wanted(p, Settings));
        return new ScanOutcome(result, orderedNotices)
        {
            FilesFound = changedConfig,
            FilesUnread = changedConfig - read.Count(f => changed.Contains(f.Path)),
            Findings = findings,
            FilesScanned = result.Files.Count(f => InScope(f.Path)),
            Directives = directives,
            InScope = InScope,
        };
    }

    private SourceFile? Read(DiscoveredFile file, long maxBytes, ConcurrentBag<Notice> notices, RepositoryContainment containment)
    {
        // The file itself may be a link: the reader refuses it with its own note.
        if (containment.WhyOutsideListed(file.RelativePath, file.FullPath) is { } why)
        {
            notices.Add(new Notice(file.RelativePath, why));
            return null;
        }
        return RepositoryFileReader.ReadText(file.FullPath, file.RelativePath, maxBytes, notices) is { } text
            ? new SourceFile(file.RelativePath, text, file.Facts)
            : null;
    }

    private static string? FindSettings(string start, string root)
    {
        var dir = new DirectoryInfo(start);
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        while (dir is not null)
        {
            foreach (var name in new[] { "configguard.yaml", "configguard.yml", ".configguard.yaml" })
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (!File.Exists(candidate)) continue;
                // Found by the scan, not named by the user: it is read only if it lies in the repository, no link on the way.
                // (A link at the file itself is refused by the reader; a folder link on the way is refused here.)
                if (RepositoryContainment.WhyOutside(root, candidate) is { } why && !why.StartsWith("symbolic link", StringComparison.Ordinal))
                    throw new UsageException($"{candidate}: error: cannot read configguard.yaml: {why}; name a settings file with --config");
                return candidate;
            }
            if (dir.FullName.TrimEnd(Path.DirectorySeparatorChar) == rootFull) break;
            dir = dir.Parent;
        }
        return null;
    }

    /// <param name="userNamed">--config named it: a symbolic link is followed (to a regular file only); a configguard.yaml found in the tree is never followed.</param>
    private static ConfigGuardSettings LoadSettings(string path, bool userNamed, string root)
    {
        var read = RegularFile.Read(path, DefaultMaxFileBytes, followLinks: userNamed);
        if (read.Outcome != RegularFile.Outcome.Read)
            throw new UsageException($"{path}: error: cannot read configguard.yaml: {read.Describe(DefaultMaxFileBytes)}", path, detail: $"cannot read configguard.yaml: {read.Describe(DefaultMaxFileBytes)}");
        var text = read.Decode(out var problem)
            ?? throw new UsageException($"{path}: error: cannot read configguard.yaml: {problem}", path, detail: $"cannot read configguard.yaml: {problem}");
        try { return SettingsParser.Parse(text, RulePack.Default, Path.GetRelativePath(root, path).Replace('\\', '/')); }
        catch (YamlFormatException e)
        {
            // Every problem in the file, one line each, so the user fixes them in one round; the first one's place for a logger.
            throw new UsageException(string.Join(Environment.NewLine, e.Errors.Select(x => $"{path}:{x.Line}:{x.Column}: error: {x.Message}")),
                path, e.Line, e.Column, e.Errors.Count == 1 ? e.Message : string.Join(Environment.NewLine, e.Errors.Select(x => $"{x.Line}:{x.Column}: {x.Message}")));
        }
    }

    /// <summary>Outside git, paths are reported relative to the current folder when every scanned path is under it.</summary>
    private static string CommonRoot(List<string> full)
    {
        var dirs = full.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!).ToList();
        var cwd = Directory.GetCurrentDirectory();
        if (dirs.All(d => (d + Path.DirectorySeparatorChar).StartsWith(cwd.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            return cwd;
        var root = dirs[0];
        foreach (var d in dirs.Skip(1))
        {
            while (!(d + Path.DirectorySeparatorChar).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                root = Path.GetDirectoryName(root) ?? root;
        }
        return root;
    }
}

public sealed record ScanOutcome(AnalysisResult Result, IReadOnlyList<Notice> Notices)
{
    /// <summary>The findings to report: all of them, or for a git-scoped scan those about the changed files.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = Result.Findings;
    public int FilesScanned { get; init; } = Result.Files.Count;
    public IReadOnlyList<SuppressionDirective> Directives { get; init; } = Result.SuppressionDirectives;
    /// <summary>Whether a path was part of what this run judges (baseline staleness is only decided for those).</summary>
    public Func<string, bool> InScope { get; init; } = _ => true;
    /// <summary>Config files the run set out to read, and how many of them it could not (size cap, binary, unreadable).</summary>
    public int FilesFound { get; init; }
    public int FilesUnread { get; init; }
}

/// <summary>A finished run (<see cref="RunFinisher"/>) and the baseline file it applied, if any.</summary>
public sealed record FinishedScan(FinishedRun Run, string? BaselinePath);

/// <summary>What a batch keeps of its model for a <see cref="WholeTreeCheck"/>: the views, files and findings it needs.</summary>
internal sealed record KeptForCheck(List<EnvironmentView> Views, List<ConfigFile> Files, List<Finding> Findings);

/// <summary>What one batch of a findings-only scan leaves once its model is dropped.</summary>
internal sealed record BatchOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<SuppressionDirective> Directives, List<string> Paths, int Suppressed, int Unread);

/// <summary>
/// A check over the analysed config as a whole (`check`'s code-meets-config rules): <see cref="Needs"/> says which
/// config it reads (by path), and <see cref="Find"/> runs once, on that config from every batch.
/// </summary>
public sealed record WholeTreeCheck(Func<string, bool> Needs, Func<AnalysisResult, IReadOnlyList<Finding>> Find);
