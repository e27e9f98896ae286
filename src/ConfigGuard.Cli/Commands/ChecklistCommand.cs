using System.CommandLine;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Checklist;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard checklist [PATH] --env staging`: the safety checklist as a pass/fail table; exit 1 when an item fails.</summary>
internal static class ChecklistCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var env = new Option<string>("--env", "-e") { Description = "Environment to check: staging (default), production, or an alias (uat, prod)", DefaultValueFactory = _ => "staging" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, markdown (for $GITHUB_STEP_SUMMARY) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml (default: found upwards from the scanned folder)" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output" };
        var require = new Option<bool>("--require") { Description = "Exit 1 when the repository has no config for the environment (default: say so and exit 0)" };

        var cmd = new Command("checklist", "Print the staging safety checklist (pass/fail per item); exit 1 when an item fails") { paths, env, format, config, noColor, require };
        cmd.SetAction(parse =>
        {
            var envName = parse.GetValue(env)!;
            var session = ScanSession.Open(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(config));
            // The names in force (configguard.yaml names: included), so `--env rehearsal` works where the team says so.
            var names = new EnvironmentInference(session.Pack, session.Settings).Names;
            var target = names.ClassifyName(envName);
            if (target is not (EnvironmentClass.Staging or EnvironmentClass.Production))
                throw new UsageException($"configguard: --env {envName}: the checklist is for a deployed environment (staging or production, or an alias such as uat, qa, stg, prod)");
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes);
            if (!outcome.Result.Views.Any(v => v.Class == target && !v.IsImplicit && !v.Primary.Environment.IsLocalOverride))
            {
                // Not a usage error: a repository without staging config has nothing to check. --require makes it a failure.
                var message = $"No {target.ToName()} configuration found: nothing to check. Run 'configguard envs' to see what was found; " +
                    $"an environment under another name (QA, UAT, acceptance) stands in when configguard.yaml names it, e.g. names: {{ {target.ToName()}: [rehearsal] }}.";
                if (parse.GetValue(format) == "json")
                {
                    using var json = Console.OpenStandardOutput();
                    ChecklistWriter.WriteNotFoundJson(target.ToName(), message, json);
                }
                else Console.WriteLine(message);
                return parse.GetValue(require) ? 1 : 0;
            }
            var resources = session.Pack.Keys.Resources.With(session.Settings.ResourceKeys, session.Settings.ResourceExempt);
            var report = SafetyChecklist.Evaluate(outcome.Result, target, session.Pack, resources);

            using var stdout = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json":
                    ChecklistWriter.WriteJson(report, stdout);
                    break;
                default:
                    using (var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false)))
                    {
                        if (parse.GetValue(format) == "markdown") ChecklistWriter.WriteMarkdown(report, writer);
                        else ChecklistWriter.WriteText(report, writer, !parse.GetValue(noColor) && !Console.IsOutputRedirected
                            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
                    }
                    break;
            }
            return report.Passed ? 0 : 1;
        });
        return cmd;
    }
}
