using System.Text.RegularExpressions;
using ConfigGuard.Analyzers.ConfigurationReads;
using ConfigGuard.Core.CodeKeys;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConfigGuard.Cli;

/// <summary>
/// The C# projects under a scan root and what their code reads (<see cref="CodeFacts"/>), from syntax alone: the CLI does
/// not restore or build a project, so it cannot bind a semantic model (see README "Code meets config" for what differs from
/// the analyzer). A project is a folder holding a *.csproj; its sources are the *.cs files below it (bin/, obj/ and nested
/// projects left out), as the SDK's default globs take them. Several projects are read together (one app may bind options
/// declared in a library of the repository). Unreadable or oversized sources are skipped.
/// </summary>
internal static class CodeProjects
{
    private const long MaxSourceBytes = 2 * 1024 * 1024;
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git", ".vs" };

    /// <summary>The code facts of every C# project under the scanned folders, paths relative to <paramref name="root"/>; null when there is no project.</summary>
    public static CodeFacts? Read(string root, IReadOnlyList<string> scanned) => ReadWithTrees(root, scanned)?.Facts;

    /// <summary>As <see cref="Read"/>, with the parsed sources (their FilePath relative to the root).</summary>
    private static (CodeFacts Facts, IReadOnlyList<SyntaxTree> Trees)? ReadWithTrees(string root, IReadOnlyList<string> scanned)
    {
        var projects = new List<string>();
        foreach (var path in scanned.Distinct())
        {
            if (Directory.Exists(path)) Find(path, projects, 0);
        }
        projects = projects.Distinct().ToList();
        if (projects.Count == 0) return null;
        var sources = new List<(string Relative, string Text)>();
        bool nullable = false, userSecrets = false;
        foreach (var csproj in projects.OrderBy(p => p, StringComparer.Ordinal))
        {
            string text;
            try { text = File.ReadAllText(csproj); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            nullable |= Regex.IsMatch(text, @"<Nullable>\s*enable\s*</Nullable>", RegexOptions.IgnoreCase);
            userSecrets |= text.Contains("<UserSecretsId>", StringComparison.OrdinalIgnoreCase);
            var dir = Path.GetDirectoryName(csproj)!;
            foreach (var file in Sources(dir, projects))
            {
                try
                {
                    if (new FileInfo(file).Length > MaxSourceBytes) continue;
                    sources.Add((Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        if (File.Exists(Path.Combine(root, "Directory.Build.props")))
        {
            try { nullable |= Regex.IsMatch(File.ReadAllText(Path.Combine(root, "Directory.Build.props")), @"<Nullable>\s*enable\s*</Nullable>", RegexOptions.IgnoreCase); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.GroupBy(s => s.Relative).Select(g => CSharpSyntaxTree.ParseText(g.First().Text, parse, g.Key)).ToList();
        var extractor = new ConfigurationReadExtractor(trees, nullable);
        if (userSecrets) extractor.NoteUserSecrets();
        foreach (var tree in trees) extractor.Add(tree, null, tree.FilePath);
        return (extractor.Build(), trees);
    }

    /// <summary>
    /// CG1007-CG1009 for `check`: the code under the scanned folders against the analysed config (the full model, so not
    /// for a tree analysed in batches, nor for --staged/--diff/--pre-commit, which see only part of the config). Severities
    /// follow .editorconfig, and a `#pragma warning disable` around a read hides its finding, as in the build.
    /// </summary>
    public static IReadOnlyList<ConfigGuard.Core.Model.Finding> Check(ConfigGuard.Scanning.ScanSession session, ConfigGuard.Core.Model.AnalysisResult config, out int suppressed)
    {
        suppressed = 0;
        if (config.Views.Count == 0 || ReadWithTrees(session.Root, session.Paths) is not { } code) return Array.Empty<ConfigGuard.Core.Model.Finding>();
        var severities = new ConfigGuard.Scanning.Configuration.EditorConfigSeverities(session.Root);
        var findings = new ConfigGuard.Core.Engine.AnalysisEngine(session.Pack, session.Settings, severities.For).AnalyzeCode(config, code.Facts);
        return PragmaSuppressions.Apply(findings, code.Trees, out suppressed);
    }

    private static void Find(string dir, List<string> projects, int depth)
    {
        if (depth > 12) return;
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries(dir).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) continue;
            if (Directory.Exists(entry))
            {
                if (!Skipped.Contains(name)) Find(entry, projects, depth + 1);
            }
            else if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) projects.Add(entry);
        }
    }

    private static IEnumerable<string> Sources(string projectDir, List<string> projects)
    {
        var nested = projects.Select(p => Path.GetDirectoryName(p)!).Where(d => d != projectDir && d.StartsWith(projectDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        var stack = new Stack<string>();
        stack.Push(projectDir);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(dir).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries.OrderBy(e => e, StringComparer.Ordinal))
            {
                if (new FileInfo(entry).LinkTarget is not null) continue;
                if (Directory.Exists(entry))
                {
                    if (!Skipped.Contains(Path.GetFileName(entry)) && !nested.Contains(entry)) stack.Push(entry);
                }
                else if (entry.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) yield return entry;
            }
        }
    }
}
