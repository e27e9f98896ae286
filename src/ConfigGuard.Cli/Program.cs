using System.CommandLine;
using ConfigGuard.Cli;
using ConfigGuard.Cli.Commands;

namespace ConfigGuard.Cli;

public static class Program
{
    public static string Version =>
        typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

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
        };
        if (args.Length == 0)
        {
            // No command is a usage error, but the user most likely wants to know what there is.
            root.Parse(new[] { "--help" }).Invoke();
            return 2;
        }
        PhaseTimer.Mark("commands built");
        var parse = root.Parse(args);
        PhaseTimer.Mark("arguments parsed");
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine("configguard: " + e.Message);
            Console.Error.WriteLine("Run 'configguard --help' for usage.");
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
    }
}
