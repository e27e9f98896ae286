using System.Collections.Concurrent;
using ConfigGuard.Cli.Configuration;
using ConfigGuard.Cli.Discovery;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ConfigGuard.MSBuild;

/// <summary>
/// The ConfigGuardCheck task: the whole engine over <see cref="Root"/>, as `configguard check ROOT` runs it (same
/// discovery, git facts, configguard.yaml and .editorconfig severities), reported through MSBuild's logger with file,
/// line and column so that `dotnet msbuild -t:ConfigGuardCheck` prints `path(2,19): error CG0001: ...` and fails.
/// </summary>
public sealed class ConfigGuardCheck : Microsoft.Build.Utilities.Task
{
    private const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Folder to scan (ConfigGuardRoot).</summary>
    [Required]
    public string Root { get; set; } = "";

    /// <summary>Fail on warnings too.</summary>
    public bool FailOnWarnings { get; set; }

    [Output]
    public int ErrorCount { get; private set; }

    [Output]
    public int WarningCount { get; private set; }

    public override bool Execute()
    {
        var scanRoot = Path.GetFullPath(Root);
        if (!Directory.Exists(scanRoot))
        {
            Log.LogError(null, "CG0000", null, null, 0, 0, 0, 0, $"ConfigGuardRoot '{scanRoot}' does not exist");
            return false;
        }
        var gitRoot = GitRepository.FindRoot(scanRoot);
        var root = gitRoot ?? scanRoot;

        var settings = ConfigGuardSettings.Empty;
        var settingsFile = FindSettings(scanRoot, root);
        if (settingsFile is not null)
        {
            try { settings = SettingsParser.Parse(File.ReadAllText(settingsFile), RulePack.Default); }
            catch (YamlFormatException e)
            {
                Log.LogError(null, "CG0012", null, settingsFile, e.Line, e.Column, 0, 0, "not a valid configguard.yaml: " + e.Message);
                return false;
            }
        }

        var discovery = new FileDiscovery(root, gitRoot is not null);
        var found = discovery.Find(new[] { scanRoot }, settings);
        var notices = new ConcurrentBag<Notice>(discovery.Notices);
        var sources = new List<SourceFile>();
        foreach (var file in found)
        {
            var info = new FileInfo(file.FullPath);
            if (info.Length > MaxFileBytes)
            {
                notices.Add(new Notice(file.RelativePath, $"file is {info.Length:N0} bytes, over the {MaxFileBytes:N0}-byte limit; skipped"));
                continue;
            }
            var bytes = File.ReadAllBytes(file.FullPath);
            var text = SourceDecoder.Decode(bytes, bytes.Length, out var notice);
            if (notice is not null) notices.Add(new Notice(file.RelativePath, notice));
            if (text is not null) sources.Add(new SourceFile(file.RelativePath, text, file.Facts));
        }
        sources.AddRange(KustomizeReferencedFiles.Collect(root, sources, MaxFileBytes, notices));

        var editorConfig = new EditorConfigSeverities(root);
        var engine = new AnalysisEngine(RulePack.Default, settings, editorConfig.For);
        var result = engine.Analyze(sources);
        foreach (var n in notices.Concat(result.Notices).OrderBy(n => n.Path, StringComparer.Ordinal))
            Log.LogMessage(MessageImportance.Low, "ConfigGuard: {0}: note: {1}", n.Path, n.Message);

        foreach (var f in result.Findings)
        {
            var file = Path.Combine(root, f.Path.Replace('/', Path.DirectorySeparatorChar));
            var help = RulePack.Default.RulesById.TryGetValue(f.RuleId, out var rule) && rule.HelpUri.Length > 0
                ? "https://github.com/configguard/configguard/blob/main/" + rule.HelpUri : null;
            switch (f.Severity)
            {
                case Severity.Error:
                    ErrorCount++;
                    Log.LogError(null, f.RuleId, null, help, file, f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn, f.Message);
                    break;
                case Severity.Warning:
                    WarningCount++;
                    if (FailOnWarnings)
                        Log.LogError(null, f.RuleId, null, help, file, f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn, f.Message);
                    else
                        Log.LogWarning(null, f.RuleId, null, help, file, f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn, f.Message);
                    break;
                default:
                    Log.LogMessage(null, f.RuleId, null, file, f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn, MessageImportance.High, f.Message);
                    break;
            }
        }
        Log.LogMessage(MessageImportance.High, "ConfigGuard: {0} errors, {1} warnings in {2} config files under {3}", ErrorCount, WarningCount, result.Files.Count, scanRoot);
        return !Log.HasLoggedErrors;
    }

    /// <summary>configguard.yaml in the scanned folder or a parent, up to the repository root.</summary>
    private static string? FindSettings(string start, string root)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var name in new[] { "configguard.yaml", "configguard.yml", ".configguard.yaml" })
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate)) return candidate;
            }
            if (dir.FullName.TrimEnd(Path.DirectorySeparatorChar) == rootFull) break;
        }
        return null;
    }
}
