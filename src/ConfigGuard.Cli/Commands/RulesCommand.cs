using System.CommandLine;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard rules`: every rule with ID, default severity and title.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var cmd = new Command("rules", "List every rule with its ID, default severity and title");
        cmd.SetAction(_ =>
        {
            foreach (var r in RulePack.Default.Rules)
            {
                Console.WriteLine($"{r.Id}  {r.DefaultSeverity.ToName(),-7}  {r.Category,-6}  {r.Title}");
            }
            return 0;
        });
        return cmd;
    }
}
