using System.CommandLine;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Comparison;
using ConfigGuard.Core.Engine;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard diff staging production [PATH]`: the keys of two environments side by side, secrets redacted.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left") { Description = "First environment (staging, uat, ...)" };
        var right = new Argument<string>("right") { Description = "Second environment (production, ...)" };
        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml" };

        var cmd = new Command("diff", "Compare the keys of two environments: missing either side, same and shared values (secrets redacted)") { left, right, paths, format, config };
        cmd.SetAction(parse =>
        {
            var l = parse.GetValue(left)!;
            var r = parse.GetValue(right)!;
            var session = ScanSession.Open(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(config));
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes);
            var views = outcome.Result.Views;
            foreach (var env in new[] { l, r })
            {
                if (EnvironmentDiffBuilder.Select(views, env, session.Pack).Count == 0)
                    throw new UsageException($"configguard: no '{env}' configuration found (run 'configguard envs' to see what was found)");
            }
            var sink = new AnalysisEngine(session.Pack, session.Settings).CreateSink();
            var diffs = EnvironmentDiffBuilder.Build(views, l, r, session.Pack, sink);
            if (diffs.Count == 0)
                throw new UsageException($"configguard: '{l}' and '{r}' are never configured side by side (same folder or same base)");
            if (parse.GetValue(format) == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                DiffWriter.WriteJson(diffs, l, r, stdout);
            }
            else
            {
                DiffWriter.WriteText(diffs, l, r, Console.Out);
            }
            return 0;
        });
        return cmd;
    }
}
