using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>`configguard completion SHELL`: the bash script run by a real bash, as it runs on TAB; zsh and pwsh printed.</summary>
public class CompletionTests
{
    private static string[] BashCompletions(string typed)
    {
        using var tmp = new TempDir();
        var shim = Path.Combine(tmp.Path, "configguard");
        File.WriteAllText(shim, "#!/bin/sh\nexec " + (Cli.Executable is { } exe ? $"'{exe}'" : $"dotnet '{Cli.Dll}'") + " \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = "eval \"$(configguard completion bash)\"\nCOMP_LINE=\"$TYPED\"; COMP_POINT=${#COMP_LINE}\n_configguard_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        var r = ProcessRunner.Run(RepoPaths.Root, "bash", new[] { "-c", script }, new Dictionary<string, string>
        {
            ["PATH"] = tmp.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["TYPED"] = typed,
        });
        Assert.True(r.ExitCode == 0, r.All);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Bash_completes_commands_options_and_option_values()
    {
        Assert.Equal(new[] { "check", "checklist" }, BashCompletions("configguard che"));
        Assert.Equal(new[] { "--format" }, BashCompletions("configguard check --fo"));
        Assert.Equal(new[] { "json", "junit" }, BashCompletions("configguard check --format j"));
        Assert.Equal(new[] { "error", "never", "note", "warning" }, BashCompletions("configguard check --fail-on "));
        Assert.Contains("completion", BashCompletions("configguard "));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _configguard_complete configguard")]
    [InlineData("zsh", "compdef _configguard configguard")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName configguard")]
    public void Each_shell_gets_its_script(string shell, string expected)
    {
        var r = Cli.Run(RepoPaths.Root, "completion", shell);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Stdout);
        Assert.Contains("[suggest:", r.Stdout);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var r = Cli.Run(RepoPaths.Root, "completion", "fish");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("fish", r.Stderr);
    }
}
