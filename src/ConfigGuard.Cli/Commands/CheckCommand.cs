using System.CommandLine;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard check [PATH...]`: the main job.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json or sarif", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout" };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that fails the run (exit 1): error, warning or note", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note");
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print secret values in full (never use in CI logs)" };
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml (default: found upwards from the scanned folder)" };
        var maxSize = new Option<long>("--max-file-size") { Description = "Skip files larger than this many bytes", DefaultValueFactory = _ => ScanSession.DefaultMaxFileBytes };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output" };

        var cmd = new Command("check", "Scan config files and report findings") { paths, format, output, failOn, showSecrets, config, maxSize, noColor };
        cmd.SetAction(parse =>
        {
            var session = ScanSession.Open(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(config));
            var outcome = session.Run(parse.GetValue(maxSize));
            var report = new ScanReport(outcome.Result.Findings, outcome.Notices, outcome.Result.Files.Count, outcome.Result.Suppressed,
                session.Pack, parse.GetValue(showSecrets));
            var outPath = parse.GetValue(output);
            bool color = outPath is null && !parse.GetValue(noColor) && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            Write(report, parse.GetValue(format)!, outPath, session.Root, color);
            SeverityNames.TryParse(parse.GetValue(failOn), out var threshold);
            return report.Findings.Any(f => f.Severity >= threshold && f.Severity != Severity.None) ? 1 : 0;
        });
        return cmd;
    }

    private static void Write(ScanReport report, string format, string? outPath, string root, bool color)
    {
        using var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        switch (format)
        {
            case "json":
                JsonReporter.Write(report, stream);
                break;
            case "sarif":
                SarifReporter.Write(report, stream, new Uri(root.TrimEnd('/') + "/").AbsoluteUri);
                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = false })
                {
                    TextReporter.Write(report, writer, color);
                }
                break;
        }
        if (outPath is not null) Console.Error.WriteLine($"configguard: {report.Summary()}; report written to {outPath}");
    }
}
