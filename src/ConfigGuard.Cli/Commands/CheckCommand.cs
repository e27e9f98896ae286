using System.CommandLine;
using ConfigGuard.Cli.Code;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Scanning.Errors;
using ConfigGuard.Scanning.Timing;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard check [PATH...]`: the main job.</summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = { "text", "json", "sarif", "github", "junit", "markdown" };

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (default: the current folder); with --staged/--diff, limits which changed paths count", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, sarif, github (workflow commands), junit or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout" };
        var reports = new Option<string[]>("--report") { Description = "Also write FORMAT to FILE, e.g. --report sarif=configguard.sarif (repeatable; FILE '-' is stdout)", AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that fails the run (exit 1): error, warning or note; never: report only, exit 0 (a first look, or adopting the tool)", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print secret values in full (never use in CI logs)" };
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml (default: found upwards from the scanned folder)" };
        var maxSize = new Option<long>("--max-file-size") { Description = "Skip files larger than this many bytes", DefaultValueFactory = _ => ScanSession.DefaultMaxFileBytes };
        maxSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1) r.AddError($"--max-file-size must be a positive number of bytes (got {r.GetValueOrDefault<long>()}); the default is {ScanSession.DefaultMaxFileBytes}");
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print findings only: no notes and no summary line (text format)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also say on stderr what was read: root, configguard.yaml, baseline, files scanned" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output" };
        var preCommit = new Option<bool>("--pre-commit") { Description = "Scan the files named as PATH arguments as the git index holds them, with the files they are compared with (the pre-commit framework passes the names; works under --all-files too)" };
        var staged = new Option<bool>("--staged") { Description = "Scan what is staged in the git index (the content `git commit` will record), not the working tree" };
        var diff = new Option<string?>("--diff") { Description = "Scan the files changed between the merge base of BASE and HEAD (`git diff BASE...HEAD`), as committed in HEAD" };
        var baseline = new Option<string?>("--baseline") { Description = $"Accept the findings listed in this baseline file (default: {Baseline.DefaultFileName} at the repository root, if present)" };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Ignore any baseline file" };
        var unused = new Option<bool>("--report-unused-suppressions") { Description = "List configguard:ignore comments that no longer suppress anything" };

        var cmd = new Command("check", "Scan config files and report findings")
        {
            paths, format, output, reports, failOn, showSecrets, config, maxSize, noColor, staged, diff, baseline, noBaseline, unused, quiet, verbose, preCommit,
        };
        cmd.SetAction(parse =>
        {
            var reportSpecs = ParseReports(parse.GetValue(reports) ?? Array.Empty<string>());
            if (parse.GetValue(staged) && parse.GetValue(diff) is not null) throw new UsageException("configguard: use either --staged or --diff, not both");
            if (parse.GetValue(baseline) is not null && parse.GetValue(noBaseline)) throw new UsageException("configguard: use either --baseline or --no-baseline, not both");
            if (parse.GetValue(quiet) && parse.GetValue(verbose)) throw new UsageException("configguard: use either --quiet or --verbose, not both");
            if (parse.GetValue(output) is { } o) ReportFile.CheckWritable(o, "--output");
            foreach (var (_, file) in reportSpecs) if (file != "-") ReportFile.CheckWritable(file, "--report");
            if (parse.GetValue(preCommit) && (parse.GetValue(staged) || parse.GetValue(diff) is not null))
                throw new UsageException("configguard: --pre-commit judges the named files; use it without --staged or --diff");
            // With --pre-commit the PATH arguments are the files to judge (they may be deleted ones): the scan starts here.
            var named = parse.GetValue(paths) ?? Array.Empty<string>();
            var session = ScanSession.Open(parse.GetValue(preCommit) ? Array.Empty<string>() : named, parse.GetValue(config));
            PhaseTimer.Mark("session opened");
            GitScope? scope = parse.GetValue(preCommit) ? new GitScope.Files(named.Select(n => Path.GetRelativePath(session.Root, Path.GetFullPath(n)).Replace('\\', '/')).ToList())
                : parse.GetValue(staged) ? new GitScope.Staged() : parse.GetValue(diff) is { } b ? new GitScope.Diff(b) : null;
            // CG1007-CG1009: the C# projects under the scanned folders against the config (not for --staged/--diff/--pre-commit,
            // which see only part of the config).
            int codeSuppressed = 0;
            // The projects' C# is parsed (Roslyn) beside the config scan, on the other core: the first analysed batch
            // that asks which config the code reads waits for it.
            IReadOnlyList<string> projects = scope is null ? session.Discover().Discovery.ProjectFiles : Array.Empty<string>();
            var codeNotices = new List<Notice>();
            var codeRead = projects.Count == 0 ? null : CodeProjects.ReadInBackground(session.Root, projects, codeNotices);
            var outcome = scope is not null ? session.RunGit(scope, parse.GetValue(maxSize))
                : codeRead is null ? session.Run(parse.GetValue(maxSize), findingsOnly: true)
                : session.Run(parse.GetValue(maxSize), findingsOnly: true, new WholeTreeCheck(
                    path => codeRead.GetAwaiter().GetResult().Any(g => g.Covers(path)),
                    result =>
                    {
                        var code = codeRead.GetAwaiter().GetResult();
                        return code.Count == 0 ? Array.Empty<Finding>() : CodeProjects.Check(session, result, code, ref codeSuppressed);
                    }));
            // A failure reading the code surfaces here even when no batch asked for it (nothing to compare).
            codeRead?.GetAwaiter().GetResult();
            if (codeNotices.Count > 0) outcome = outcome with { Notices = outcome.Notices.Concat(codeNotices).ToList() };
            var finished = session.Finish(outcome, parse.GetValue(baseline), parse.GetValue(noBaseline), parse.GetValue(unused));
            var baselinePath = finished.BaselinePath;
            var notices = finished.Run.Notices;

            var report = new ScanReport(finished.Run.Findings, notices, outcome.FilesScanned, outcome.Result.Suppressed + codeSuppressed, session.Pack, parse.GetValue(showSecrets))
            {
                Baselined = finished.Run.Baselined,
                Quiet = parse.GetValue(quiet),
                DisplayPath = FromWorkingDirectory(session.Root),
            };
            if (parse.GetValue(verbose))
            {
                var mode = scope switch { GitScope.Staged => "the git index (--staged)", GitScope.Files f => $"{f.Paths.Count} named files from the git index (--pre-commit)", GitScope.Diff d => $"changes since {d.Base} (--diff)", _ => "the working tree" };
                Console.Error.WriteLine($"configguard: root {session.Root}; read {mode}");
                Console.Error.WriteLine($"configguard: configguard.yaml: {session.SettingsPath ?? "none found"}; baseline: {baselinePath ?? "none"}");
                Console.Error.WriteLine($"configguard: {outcome.FilesFound} config files found by name, {outcome.FilesFound - outcome.FilesUnread} of them read, {notices.Count} notes");
            }
            // never: no severity reaches the threshold, so nothing fails the run (JUnit marks no failure either).
            var threshold = SeverityNames.TryParse(parse.GetValue(failOn), out var parsed) ? parsed : Severity.Error + 1;
            var outPath = parse.GetValue(output);
            bool color = outPath is null && !parse.GetValue(noColor) && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            Write(report, parse.GetValue(format)!, outPath, session.Root, color, threshold);
            foreach (var (fmt, file) in reportSpecs) Write(report, fmt, file == "-" ? null : file, session.Root, false, threshold);
            PhaseTimer.Mark("reports written");
            if (outcome.FilesFound > 0 && outcome.FilesUnread == outcome.FilesFound)
            {
                // The gate must not pass having read nothing (every file over --max-file-size, binary or unreadable).
                Console.Error.WriteLine($"configguard: error: none of the {outcome.FilesFound} config files found could be read (see the notes); nothing was checked");
                return 2;
            }
            return report.Findings.Any(f => f.Severity >= threshold && f.Severity != Severity.None) ? 1 : 0;
        });
        return cmd;
    }

    /// <summary>Repository-relative paths as seen from the current folder (identity when the run starts at the root).</summary>
    internal static Func<string, string> FromWorkingDirectory(string root)
    {
        var cwd = Path.GetFullPath(Directory.GetCurrentDirectory());
        if (string.Equals(cwd.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return p => p;
        return p =>
        {
            var shown = Path.GetRelativePath(cwd, Path.Combine(root, p.Replace('/', Path.DirectorySeparatorChar))).Replace('\\', '/');
            return shown.Length > 0 ? shown : p;
        };
    }

    private static List<(string Format, string File)> ParseReports(IEnumerable<string> specs)
    {
        var list = new List<(string, string)>();
        foreach (var spec in specs)
        {
            int eq = spec.IndexOf('=');
            var fmt = eq > 0 ? spec[..eq].Trim().ToLowerInvariant() : "";
            var file = eq > 0 ? spec[(eq + 1)..] : "";
            if (!Formats.Contains(fmt) || file.Length == 0)
                throw new UsageException($"configguard: --report '{spec}' must be FORMAT=FILE with FORMAT one of {string.Join(", ", Formats)}");
            list.Add((fmt, file));
        }
        return list;
    }

    private static void Write(ScanReport report, string format, string? outPath, string root, bool color, Severity failLevel)
    {
        try
        {
            WriteReport(report, format, outPath, root, color, failLevel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"configguard: cannot write {outPath ?? "the report to stdout"}: {IoErrors.Describe(e)}");
        }
        if (outPath is not null && !report.Quiet) Console.Error.WriteLine($"configguard: {report.Summary()}; {format} report written to {outPath}");
    }

    private static void WriteReport(ScanReport report, string format, string? outPath, string root, bool color, Severity failLevel)
    {
        using var stream = outPath is null ? Console.OpenStandardOutput() : ReportFile.Create(outPath);
        switch (format)
        {
            case "json":
                JsonReporter.Write(report, stream);
                break;
            case "sarif":
                SarifReporter.Write(report, stream, new Uri(root.TrimEnd('/') + "/").AbsoluteUri);
                break;
            case "junit":
                JUnitReporter.Write(report, stream, failLevel);
                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = false })
                {
                    if (format == "github") GitHubReporter.Write(report, writer);
                    else if (format == "markdown") MarkdownReporter.Write(report, writer);
                    else TextReporter.Write(report, writer, color);
                }
                break;
        }
    }
}
