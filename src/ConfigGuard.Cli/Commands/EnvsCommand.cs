using System.CommandLine;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard envs [PATH]`: each config file, the environment it was assigned and why.</summary>
internal static class EnvsCommand
{
    public static Command Create()
    {
        var path = new Argument<string[]>("path") { Description = "Files or folders (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml" };
        var cmd = new Command("envs", "Show which environment each config file configures, and why") { path, config };
        cmd.SetAction(parse =>
        {
            var session = ScanSession.Open(parse.GetValue(path) ?? Array.Empty<string>(), parse.GetValue(config));
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes);
            var files = outcome.Result.Files;
            int width = files.Count == 0 ? 4 : Math.Min(60, files.Max(f => Untrusted.LineStart(f.Path).Length));
            int envWidth = files.Count == 0 ? 11 : Math.Max(11, files.Max(f => f.Environment.Display.Length + (f.Environment.IsLocalOverride ? 8 : 0)));
            Console.WriteLine($"{"FILE".PadRight(width)}  {"ENVIRONMENT".PadRight(envWidth)}  WHY");
            foreach (var f in files)
            {
                var env = f.Environment.Display + (f.Environment.IsLocalOverride ? " (local)" : "");
                Console.WriteLine($"{Untrusted.LineStart(f.Path).PadRight(width)}  {Untrusted.Line(env).PadRight(envWidth)}  {Untrusted.Line(f.Environment.Reason)}");
            }
            // Names nobody knows (overlays/blue, .env.rehearsal): say how to map them, so check and checklist see them too.
            var unknown = files.Where(f => f.Environment.Class == EnvironmentClass.Unknown && f.Environment.Name != "unknown")
                .GroupBy(f => f.Environment.Name, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine("unknown environment names: " + Untrusted.Line(string.Join(", ", unknown.Select(g => $"{g.Key} ({g.First().Path})"))));
                Console.WriteLine("  map them to an environment in configguard.yaml, e.g.");
                Console.WriteLine("    names:");
                Console.WriteLine($"      staging: [{Untrusted.Line(string.Join(", ", unknown.Select(g => g.Key)))}]");
            }
            foreach (var n in outcome.Notices) Console.WriteLine($"{Untrusted.LineStart(n.Path)}: note: {Untrusted.Line(n.Message)}");
            if (session.SettingsPath is not null) Console.WriteLine($"settings: {Path.GetRelativePath(session.Root, session.SettingsPath).Replace('\\', '/')}");
            return 0;
        });
        return cmd;
    }
}
