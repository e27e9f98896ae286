using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using ConfigGuard.Scanning;
using ConfigGuard.Scanning.Errors;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ConfigGuard.MSBuild;

/// <summary>
/// The ConfigGuardCheck task: the whole engine over <see cref="Root"/>, as `configguard check ROOT` runs it (same
/// discovery, git facts, configguard.yaml and .editorconfig severities, inline suppressions and the baseline at the
/// root), reported through MSBuild's logger with file,
/// line and column so that `dotnet msbuild -t:ConfigGuardCheck` prints `path(2,19): error CG0001: ...` and fails.
/// </summary>
public sealed class ConfigGuardCheck : Microsoft.Build.Utilities.Task
{
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
            Log.LogError(null, "CONFIGGUARD", null, null, 0, 0, 0, 0, $"ConfigGuardRoot '{scanRoot}' does not exist");
            return false;
        }
        ScanSession session;
        FinishedScan finished;
        ScanOutcome outcome;
        try
        {
            session = ScanSession.Open(new[] { scanRoot }, configPath: null);
            outcome = session.Run(ScanSession.DefaultMaxFileBytes, findingsOnly: true);
            finished = session.Finish(outcome);
        }
        catch (UsageException e)
        {
            // A settings or baseline error, as `configguard check` reports it (exit 2 there): not a finding about a config file.
            if (e.File is null) Log.LogError(null, "CONFIGGUARD", null, null, 0, 0, 0, 0, e.Message);
            else Log.LogError(null, "CONFIGGUARD", null, e.File, e.Line, e.Column, 0, 0, e.Detail);
            return false;
        }
        var root = session.Root;
        foreach (var n in finished.Run.Notices)
            Log.LogMessage(MessageImportance.Low, "ConfigGuard: {0}: note: {1}", n.Location, n.Message);

        foreach (var f in finished.Run.Findings)
        {
            var file = Path.Combine(root, f.Path.Replace('/', Path.DirectorySeparatorChar));
            var help = RulePack.Default.RulesById.TryGetValue(f.RuleId, out var rule) && rule.HelpUri.Length > 0
                ? rule.HelpLink : null;
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
        Log.LogMessage(MessageImportance.High, "ConfigGuard: {0}{1}", Summary(ErrorCount, WarningCount, outcome.FilesScanned, scanRoot),
            finished.Run.Baselined > 0 ? $" ({finished.Run.Baselined} in baseline {finished.BaselinePath})" : "");
        return !Log.HasLoggedErrors;
    }

    /// <summary>"1 error, 2 warnings in 1 config file under ROOT": the same grammar as the CLI's summary line.</summary>
    internal static string Summary(int errors, int warnings, int files, string root) =>
        $"{Plural(errors, "error")}, {Plural(warnings, "warning")} in {Plural(files, "config file")} under {root}";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
