using System.CommandLine;
using System.CommandLine.Parsing;

namespace ConfigGuard.Cli;

/// <summary>
/// Usage errors System.CommandLine lets through or words its own way, found after parsing and printed one line each
/// (exit 2): an unknown command or option (with "did you mean"), an option misspelled where a PATH argument takes it
/// (`check --frmat json` would otherwise be the path '--frmat'), and empty values (`-o ''`, `--diff "$UNSET"`), which
/// must never mean "the current folder" or "nothing to compare".
/// </summary>
internal static class UsageChecks
{
    /// <summary>What to give instead of an empty value, per option.</summary>
    private static readonly Dictionary<string, string> EmptyHints = new(StringComparer.Ordinal)
    {
        ["--diff"] = "name the base revision, e.g. --diff origin/main",
        ["--output"] = "name the file to write",
        ["--baseline"] = "name the baseline file, or use --no-baseline",
        ["--config"] = "name the configguard.yaml to use, or leave the option out",
        ["--report"] = "use FORMAT=FILE",
    };

    public static List<string> Find(ParseResult parse)
    {
        var errors = new List<string>();
        var command = parse.CommandResult.Command;
        var commandName = CommandPath(parse.CommandResult);

        foreach (var token in parse.UnmatchedTokens)
        {
            if (!token.StartsWith('-') && command.Subcommands.Count > 0)
                errors.Add($"configguard: unknown command '{token}'{Suggestions.DidYouMean(token, command.Subcommands.Select(c => c.Name))}"
                    + (Suggestions.Closest(token, command.Subcommands.Select(c => c.Name)) is null ? $"; run '{commandName} --help' for the commands" : ""));
            else if (token.StartsWith('-'))
                errors.Add(UnknownOption(token, command, commandName));
            else
                errors.Add($"configguard: unexpected argument '{token}' for '{commandName}'; run '{commandName} --help' for usage");
        }

        foreach (var child in parse.CommandResult.Children)
        {
            switch (child)
            {
                case OptionResult option when !option.Implicit:
                    if (option.Tokens.Any(t => t.Value.Length == 0))
                        errors.Add($"configguard: {option.Option.Name} is empty (an unset variable?); "
                            + (EmptyHints.TryGetValue(option.Option.Name, out var hint) ? hint : "give it a value"));
                    break;
                case ArgumentResult argument:
                    foreach (var t in argument.Tokens)
                    {
                        if (t.Value.Length == 0)
                            errors.Add($"configguard: an empty {argument.Argument.Name.ToUpperInvariant()} argument was given (an unset variable?); leave it out to mean the current folder");
                        else if (t.Value.Length > 1 && t.Value.StartsWith('-') && !File.Exists(t.Value) && !Directory.Exists(t.Value))
                            errors.Add(UnknownOption(t.Value, command, commandName));
                    }
                    break;
            }
        }
        return errors;
    }

    private static string UnknownOption(string token, Command command, string commandName)
    {
        // One-letter options are all one edit apart: only a long option gets a suggestion (-q for --quiet is its own alias).
        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
        var suggestion = token.StartsWith("--", StringComparison.Ordinal) ? Suggestions.Closest(token, names) : null;
        return $"configguard: unknown option '{token.Split('=', 2)[0]}' for '{commandName}'"
            + (suggestion is null ? $"; run '{commandName} --help' for its options" : $"; did you mean '{suggestion}'?");
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Insert(0, c.Command is RootCommand ? "configguard" : c.Command.Name);
        return string.Join(' ', names);
    }
}
