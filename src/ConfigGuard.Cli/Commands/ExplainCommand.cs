using System.CommandLine;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard explain CG0001`: prints the rule's doc page (docs/rules/CG0001.md, embedded at build time).</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("rule") { Description = "Rule ID, e.g. CG0001" };
        var cmd = new Command("explain", "Print a rule's documentation") { id };
        cmd.SetAction(parse =>
        {
            var ruleId = parse.GetValue(id)!.Trim().ToUpperInvariant();
            if (!RulePack.Default.RulesById.ContainsKey(ruleId))
                throw new UsageException($"configguard: unknown rule '{ruleId}'; `configguard rules` lists them");
            using var stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream($"ConfigGuard.Docs.{ruleId}.md");
            if (stream is null) throw new UsageException($"configguard: no documentation page for {ruleId}");
            using var reader = new StreamReader(stream);
            Console.Out.Write(reader.ReadToEnd());
            return 0;
        });
        return cmd;
    }
}
