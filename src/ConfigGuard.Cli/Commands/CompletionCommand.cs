using System.CommandLine;

namespace ConfigGuard.Cli.Commands;

/// <summary>
/// `configguard completion bash|zsh|pwsh`: prints a script that makes the shell complete commands, options and option
/// values. The scripts ask configguard itself through System.CommandLine's `[suggest:POSITION] "LINE"` directive, so
/// the completions always match the installed version (no dotnet-suggest needed).
/// </summary>
internal static class CompletionCommand
{
    public static readonly string[] Shells = { "bash", "zsh", "pwsh" };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong(Shells);
        var cmd = new Command("completion", "Print the shell completion script: eval \"$(configguard completion bash)\" in ~/.bashrc (zsh: ~/.zshrc; pwsh: configguard completion pwsh | Out-String | Invoke-Expression in $PROFILE)") { shell };
        cmd.SetAction(parse =>
        {
            Console.Out.Write(Script(parse.GetValue(shell)!));
            return 0;
        });
        return cmd;
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # configguard completion for bash: eval "$(configguard completion bash)"
            _configguard_complete() {
              local IFS=$'\n'
              local line="${COMP_LINE:0:$COMP_POINT}"
              line="${line#*configguard}"
              COMPREPLY=( $(configguard "[suggest:${#line}]" "$line" 2>/dev/null) )
            }
            complete -o default -F _configguard_complete configguard

            """,
        "zsh" => """
            # configguard completion for zsh: eval "$(configguard completion zsh)"
            _configguard() {
              local line="${LBUFFER#*configguard}"
              local -a completions
              completions=("${(@f)$(configguard "[suggest:${#line}]" "$line" 2>/dev/null)}")
              compadd -- "${completions[@]}"
            }
            compdef _configguard configguard

            """,
        _ => """
            # configguard completion for PowerShell: configguard completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName configguard -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString().PadRight($cursorPosition - $commandAst.Extent.StartOffset).Substring(0, $cursorPosition - $commandAst.Extent.StartOffset)
                $line = $line -replace '^\S*configguard(\.exe)?', ''
                configguard "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
