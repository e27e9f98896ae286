using System.CommandLine;
using ConfigGuard.Cli;
using ConfigGuard.Cli.Commands;
using ConfigGuard.Scanning.Errors;
using ConfigGuard.Scanning.Timing;

namespace ConfigGuard.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        PhaseTimer.Mark("runtime start");
        var root = new RootCommand("ConfigGuard keeps staging and production apart: it checks .env, appsettings and kustomize configs.")
        {
            CheckCommand.Create(),
            EnvsCommand.Create(),
            RulesCommand.Create(),
            ExplainCommand.Create(),
            ChecklistCommand.Create(),
            DiffCommand.Create(),
            HookCommand.Create(),
            BaselineCommand.Create(),
            InitCommand.Create(),
            CompletionCommand.Create(),
            KeysCommand.Create(),
        };
        if (args.Length == 0)
        {
            // No command is a usage error, but the user most likely wants to know what there is.
            root.Parse(new[] { "--help" }).Invoke();
            return 2;
        }
        PhaseTimer.Mark("commands built");
        // `configguard [suggest:N] "LINE"`: System.CommandLine's completion directive, which the scripts of
        // `configguard completion` call; LINE is judged by the completer, not as a command line to run.
        if (args[0].StartsWith("[suggest", StringComparison.Ordinal)) return root.Parse(args).Invoke();
        var parse = root.Parse(args);
        PhaseTimer.Mark("arguments parsed");
        // Our own checks first: they name unknown commands and options with a suggestion, and catch empty values.
        var usage = UsageChecks.Find(parse);
        if (usage.Count > 0 || parse.Errors.Count > 0)
        {
            foreach (var line in usage) Console.Error.WriteLine(line);
            // System.CommandLine's own errors about the tokens reported above would say the same thing again.
            if (usage.Count == 0 || parse.UnmatchedTokens.Count == 0)
                foreach (var e in parse.Errors) Console.Error.WriteLine("configguard: " + OneLine(e.Message));
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read or write the command did not expect to fail: one line, never a stack trace (CONFIGGUARD_DEBUG=1 shows it).
            Console.Error.WriteLine("configguard: error: " + IoErrors.Describe(e));
            if (Environment.GetEnvironmentVariable("CONFIGGUARD_DEBUG") == "1") Console.Error.WriteLine(e);
            return 2;
        }
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
