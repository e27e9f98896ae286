using System.Text.RegularExpressions;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// What a newcomer types wrong: bad output paths, empty values from unset variables, misspelled commands and options,
/// negative sizes. Each is exit 2 with one line of our own words: no stack trace, no .NET resource key (the trimmed
/// build strips .NET's message texts), and never a scan of something else or a silent pass.
/// </summary>
public class UsageErrorTests
{
    private static void AssertOneLineUsageError(ProcessResult r, string expected)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}\n{r.All}");
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr, got:\n" + r.Stderr);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("Unhandled", r.All);
        Assert.DoesNotMatch(new Regex(@"\b[A-Z][A-Za-z]+_[A-Z][A-Za-z]+"), r.Stderr);
    }

    [Theory]
    [InlineData("--output", "/no/such/dir/out.txt", "the folder /no/such/dir does not exist")]
    [InlineData("-o", "/tmp", "--output /tmp is a folder")]
    [InlineData("--report", "sarif=/no/such/dir/x.sarif", "--report /no/such/dir/x.sarif: the folder /no/such/dir does not exist")]
    [InlineData("--report", "json=/tmp", "--report /tmp is a folder")]
    public void A_bad_output_path_is_one_line_and_exit_2_before_anything_is_written(string option, string value, string expected)
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/clean", option, value);
        AssertOneLineUsageError(r, expected);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_one_line_in_our_own_words()
    {
        // /sys refuses new files even to root.
        var r = Cli.Run(RepoPaths.Root, "check", "samples/clean", "-o", "/sys/configguard-out.txt");
        AssertOneLineUsageError(r, "cannot write /sys/configguard-out.txt: permission denied");
    }

    [Theory]
    [InlineData("an empty PATH argument", "check", "")]
    [InlineData("--output is empty", "check", "samples/clean", "-o", "")]
    [InlineData("--baseline is empty", "check", "samples/clean", "--baseline", "")]
    [InlineData("--config is empty", "check", "samples/clean", "--config", "")]
    [InlineData("an empty PATH argument", "init", "")]
    [InlineData("--diff is empty (an unset variable?); name the base revision", "check", "--diff", "")]
    [InlineData("--config is empty", "checklist", "--config", "")]
    [InlineData("--output is empty", "baseline", "create", "-o", "")]
    [InlineData("an empty PATH argument", "envs", "")]
    public void An_empty_value_is_a_usage_error_not_the_current_folder_or_nothing(string expected, params string[] args)
    {
        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, args), expected);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    public void A_max_file_size_below_one_byte_is_rejected(string size)
    {
        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, "check", "samples/clean", "--max-file-size", size), "--max-file-size must be a positive number of bytes");
    }

    [Fact]
    public void A_run_that_could_read_none_of_the_config_it_found_does_not_pass()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/clean", "--max-file-size", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("over the 1-byte limit", r.Stdout);
        Assert.Contains("none of the", r.Stderr);
        Assert.Contains("nothing was checked", r.Stderr);
        // A cap some files pass is an ordinary run: the files it read are judged (whatever they hold), no error line.
        var partial = Cli.Run(RepoPaths.Root, "check", "samples/clean", "--max-file-size", "400");
        Assert.Contains("over the 400-byte limit", partial.Stdout);
        Assert.NotEqual(2, partial.ExitCode);
        Assert.DoesNotContain("none of the", partial.Stderr);
    }

    [Fact]
    public void Nothing_staged_is_still_a_pass_not_an_unread_run()
    {
        using var repo = new TempDir();
        repo.Git("init", "-q");
        repo.Write(".env.staging", "APP_ENV=staging\n");
        var r = Cli.Run(repo.Path, "check", "--staged");
        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData("unknown option '--frmat' for 'configguard check'; did you mean '--format'?", "check", "--frmat", "json")]
    [InlineData("unknown option '--formt' for 'configguard check'; did you mean '--format'?", "check", "--formt=json")]
    [InlineData("unknown option '--show-secret' for 'configguard check'; did you mean '--show-secrets'?", "check", "samples/clean", "--show-secret")]
    [InlineData("unknown command 'chek'; did you mean 'check'?", "chek")]
    [InlineData("unknown command 'checklsit'; did you mean 'checklist'?", "checklsit")]
    [InlineData("unknown option '--evn' for 'configguard checklist'; did you mean '--env'?", "checklist", "--evn", "prod")]
    [InlineData("unknown option '--foo' for 'configguard rules'; run 'configguard rules --help' for its options", "rules", "--foo")]
    [InlineData("unknown command 'frobnicate'; run 'configguard --help' for the commands", "frobnicate")]
    public void Misspelled_commands_and_options_are_usage_errors_with_a_suggestion(string expected, params string[] args)
    {
        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, args), expected);
    }

    [Fact]
    public void A_path_that_starts_with_a_dash_and_exists_is_still_a_path()
    {
        using var tmp = new TempDir();
        tmp.Write("-odd/.env.staging", "APP_ENV=staging\n");
        var r = Cli.Run(tmp.Path, "check", "--", "-odd");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("in 1 config file", r.Stdout);
    }

    [Fact]
    public void A_missing_config_file_is_our_own_message_not_a_resource_key()
    {
        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, "check", "samples/clean", "--config", "/nope/configguard.yaml"), "--config file not found: /nope/configguard.yaml");
        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, "check", "samples/clean", "--config", "/tmp"), "--config /tmp is a folder");
    }

    [Fact]
    public void Quiet_prints_findings_only_and_verbose_says_what_was_read()
    {
        var quiet = Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "-q");
        Assert.Equal(1, quiet.ExitCode);
        Assert.All(quiet.Lines, l => Assert.Matches(@"^samples/staging-leak/\S+:\d+:\d+: (error|warning|note) CG\d{4}: ", l));
        Assert.Equal("", quiet.Stderr);
        Assert.Equal(quiet.Lines.Length, Cli.Run(RepoPaths.Root, "check", "samples/staging-leak", "--quiet").Lines.Length);

        var verbose = Cli.Run(RepoPaths.Root, "check", "samples/clean", "--verbose");
        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("configguard: root ", verbose.Stderr);
        Assert.Contains("configguard.yaml: none found; baseline: none", verbose.Stderr);
        Assert.Matches(@"configguard: \d+ config files found by name, \d+ of them read", verbose.Stderr);

        AssertOneLineUsageError(Cli.Run(RepoPaths.Root, "check", "-q", "-v"), "use either --quiet or --verbose");
    }
}
