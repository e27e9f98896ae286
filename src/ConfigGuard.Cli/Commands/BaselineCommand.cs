using System.CommandLine;
using ConfigGuard.Core.Engine;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard baseline create [PATH]`: record today's findings so the gate fails only on new ones.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = $"Where to write the baseline (default: {Baseline.DefaultFileName} at the repository root)" };
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml" };
        var create = new Command("create", "Write the current findings' fingerprints to a baseline file") { paths, output, config };
        create.SetAction(parse =>
        {
            if (parse.GetValue(output) is { } target) Output.ReportFile.CheckWritable(target, "--output");
            var session = ScanSession.Open(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(config));
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes, findingsOnly: true);
            var baseline = Baseline.From(outcome.Findings);
            var file = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : Path.Combine(session.Root, Baseline.DefaultFileName);
            BaselineFile.Save(baseline, file);
            Console.WriteLine($"configguard: wrote {baseline.Entries.Count} finding(s) to {Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/')}; commit it. `configguard check` now fails only on new findings.");
            return 0;
        });
        return new Command("baseline", "Adopt the gate on an existing repository") { create };
    }
}
