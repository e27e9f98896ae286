using System.IO.Enumeration;
using System.Text.RegularExpressions;
using ConfigGuard.Analyzers.ConfigurationReads;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Scanning.Configuration;
using ConfigGuard.Scanning.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConfigGuard.Cli.Code;

/// <summary>
/// The C# projects under a scan root and what their code reads (<see cref="CodeFacts"/>), from syntax alone: the CLI does
/// not restore or build a project, so it cannot bind a semantic model (see README "Code meets config" for what differs from
/// the analyzer). A project is a folder holding a *.csproj that discovery found (git's listing or the walk: not ignored, not vendored); its sources are the *.cs files below it (bin/, obj/ and nested
/// projects left out), as the SDK's default globs take them. Unreadable or oversized sources are skipped.
/// Each project is compared with the config the package would hand its build: the files under its config root, the folder
/// of the nearest configguard.yaml at or above the project (within the scan root), else the project's folder. Projects
/// that share a config root are read together (an app and the library declaring its options), so a key one of them reads
/// is read; the config of another app in the same repository is never taken for this one's.
/// </summary>
internal static class CodeProjects
{
    private const long MaxSourceBytes = 2 * 1024 * 1024;
    private static readonly Regex NullableEnabled = new(@"<Nullable>\s*enable\s*</Nullable>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
    private static readonly string[] SettingsNames = { "configguard.yaml", "configguard.yml", ".configguard.yaml" };

    /// <summary>The projects that share one config root (relative to the scan root, "" for the root itself), their facts and parsed sources.</summary>
    internal sealed record CodeGroup(string ConfigRoot, CodeFacts Facts, IReadOnlyList<SyntaxTree> Trees)
    {
        public bool Covers(string path) => ConfigRoot.Length == 0 || path.StartsWith(ConfigRoot + "/", StringComparison.Ordinal);
    }

    /// <summary>Every C# project under the scanned folders, grouped by config root; empty when there is none.</summary>
    /// <param name="listed">
    /// The project files discovery found with the config files (<see cref="Scanning.Discovery.FileDiscovery.ProjectFiles"/>:
    /// one listing of the tree, git's or the walk's, so an ignored or vendored project is left out as such config is).
    /// </param>
    /// <param name="notices">Where a source left out for its nesting (<see cref="CSharpNesting"/>) is noted.</param>
    private static IReadOnlyList<CodeGroup> Read(string root, IReadOnlyList<string> listed, ICollection<Notice> notices)
    {
        var projects = listed.Where(File.Exists).ToList();
        projects = projects.Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (projects.Count == 0) return Array.Empty<CodeGroup>();
        bool rootNullable = false;
        if (File.Exists(Path.Combine(root, "Directory.Build.props")))
        {
            try { rootNullable = Matches(NullableEnabled, File.ReadAllText(Path.Combine(root, "Directory.Build.props"))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var groups = new List<CodeGroup>();
        foreach (var group in projects.GroupBy(p => ConfigRoot(root, Path.GetDirectoryName(p)!)))
        {
            var sources = new List<(string Relative, string Text)>();
            bool nullable = rootNullable, userSecrets = false;
            foreach (var csproj in group)
            {
                string text;
                try { text = File.ReadAllText(csproj); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                nullable |= Matches(NullableEnabled, text);
                userSecrets |= text.Contains("<UserSecretsId>", StringComparison.OrdinalIgnoreCase);
                foreach (var file in Sources(Path.GetDirectoryName(csproj)!, projects))
                {
                    try
                    {
                        if (new FileInfo(file).Length > MaxSourceBytes) continue;
                        var sourcePath = Path.GetRelativePath(root, file).Replace('\\', '/');
                        var source = File.ReadAllText(file);
                        var (depth, line) = CSharpNesting.Deepest(source);
                        if (depth > CSharpNesting.Limit)
                        {
                            notices.Add(new Notice(sourcePath, $"not read as C#: brackets or type arguments nest more than {CSharpNesting.Limit} levels deep here, deeper than code is written; CG1007-CG1009 leave this file out", line, 1));
                            continue;
                        }
                        sources.Add((sourcePath, source));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                }
            }
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.GroupBy(s => s.Relative).Select(g => CSharpSyntaxTree.ParseText(g.First().Text, parse, g.Key)).ToList();
            var extractor = new ConfigurationReadExtractor(trees, nullable);
            if (userSecrets) extractor.NoteUserSecrets();
            foreach (var tree in trees) extractor.Add(tree, null, tree.FilePath);
            var relative = Path.GetRelativePath(root, group.Key).Replace('\\', '/');
            groups.Add(new CodeGroup(relative == "." ? "" : relative, extractor.Build(), trees));
        }
        return groups;
    }

    /// <summary>
    /// <see cref="Read"/> on a thread of its own with a 64 MB stack. Sources nested past <see cref="CSharpNesting.Limit"/>
    /// are left out before Roslyn parses them; the large stack is for any recursion that check does not foresee, since
    /// a stack overflow ends the process where an exception would not.
    /// </summary>
    public static Task<IReadOnlyList<CodeGroup>> ReadInBackground(string root, IReadOnlyList<string> listed, ICollection<Notice> notices)
    {
        var done = new TaskCompletionSource<IReadOnlyList<CodeGroup>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(Read(root, listed, notices)); }
            catch (Exception e) { done.SetException(e); }
        }, 64 * 1024 * 1024) { IsBackground = true, Name = "configguard C# reader" };
        thread.Start();
        return done.Task;
    }

    /// <summary>The folder of the nearest configguard.yaml at or above <paramref name="projectDir"/>, not above the scan root; else the project's folder.</summary>
    private static string ConfigRoot(string root, string projectDir)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(projectDir); dir is not null; dir = dir.Parent)
        {
            if (SettingsNames.Any(n => File.Exists(Path.Combine(dir.FullName, n)))) return dir.FullName.TrimEnd(Path.DirectorySeparatorChar);
            if (string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), rootFull, StringComparison.Ordinal)) break;
        }
        return projectDir.TrimEnd(Path.DirectorySeparatorChar);
    }

    /// <summary>The part of an analysis a group's build would see: the files and views under its config root.</summary>
    public static AnalysisResult Scope(AnalysisResult config, CodeGroup group) =>
        group.ConfigRoot.Length == 0 ? config
            : new AnalysisResult(config.Findings.Where(f => group.Covers(f.Path)).ToList(), config.Files.Where(f => group.Covers(f.Path)).ToList(),
                config.Views.Where(v => group.Covers(v.Primary.Path)).ToList(), 0);

    /// <summary>
    /// CG1007-CG1009 for `check`: each group's code against the config under its root, in one analysed result (the whole
    /// tree, or what every batch of a large tree kept of it). Severities follow configguard.yaml and .editorconfig, and a
    /// `#pragma warning disable` around a read or a [SuppressMessage] on what contains it hides its finding, as in the build.
    /// </summary>
    public static IReadOnlyList<Finding> Check(ScanSession session, AnalysisResult config, IReadOnlyList<CodeGroup> groups, ref int suppressed)
    {
        if (config.Views.Count == 0 || groups.Count == 0) return Array.Empty<Finding>();
        var severities = new EditorConfigSeverities(session.Root);
        var engine = new AnalysisEngine(session.Pack, session.Settings, severities.For);
        var all = new List<Finding>();
        foreach (var group in groups)
        {
            var scoped = Scope(config, group);
            if (scoped.Views.Count == 0) continue;
            var shown = PragmaSuppressions.Apply(engine.AnalyzeCode(scoped, group.Facts), group.Trees, out var hidden);
            all.AddRange(SuppressMessageAttributes.Apply(shown, group.Trees, out var attributed));
            suppressed += hidden + attributed;
        }
        return all;
    }

    /// <summary>A project file too odd to match in time counts as not matching (nullable off: the cautious reading).</summary>
    private static bool Matches(Regex regex, string text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>
    /// One enumeration of the tree: names and entry types come from the directory listing itself (no stat per entry), and
    /// symbolic links are neither followed nor taken (ReparsePoint), as discovery does for config files.
    /// </summary>
    private static IEnumerable<string> Walk(string dir, Func<string, bool> wanted, Func<string, bool> descend) =>
        new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 12 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && wanted(e.FileName.ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry e) => descend(e.ToFullPath()),
        };

    private static IEnumerable<string> Sources(string projectDir, List<string> projects)
    {
        var nested = new HashSet<string>(projects.Select(p => Path.GetDirectoryName(p)!).Where(d => d != projectDir), StringComparer.Ordinal);
        try
        {
            return Walk(projectDir, name => name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase),
                    path => !FileDiscovery.NotProjectFolders.Contains(Path.GetFileName(path)) && !nested.Contains(path))
                .OrderBy(p => p, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Array.Empty<string>(); }
    }
}
