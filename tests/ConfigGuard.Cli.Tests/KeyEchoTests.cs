using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// A key is text from the scanned file, like a value: an appsettings section named with a live key, or a pasted key in
/// key position, puts a secret where a name should be. Every report prints a finding's key through SafeEcho (the
/// name when it is plainly one, else its shape); --show-secrets prints it whole.
/// </summary>
public sealed class KeyEchoTests
{
    [Fact]
    public void A_key_that_is_a_secret_is_never_printed_in_any_format_without_show_secrets()
    {
        using var tmp = new TempDir();
        var live = Fake.StripeLive;
        tmp.Write("appsettings.Staging.json", $"{{ \"Stripe\": {{ \"{live}\": \"{Fake.StripeLive[..^1]}Y\" }}, \"Logging\": {{ \"LogLevel\": {{ \"Default\": \"Debug\" }} }} }}\n");
        tmp.Write("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } } }\n");
        foreach (var format in new[] { "text", "json", "sarif", "markdown", "junit", "github" })
        {
            var r = Cli.Run(tmp.Path, "check", "-f", format);
            Assert.True(r.ExitCode is 0 or 1, r.All);
            // No 8 characters of the key beyond the documented prefix and last four.
            var secret = live[8..^4];
            for (int i = 0; i + 8 <= secret.Length; i++)
                Assert.DoesNotContain(secret.Substring(i, 8), r.All);
        }
        var json = Cli.Run(tmp.Path, "check", "-f", "json").Stdout;
        Assert.Contains("-character value, not shown)", json);
        // Plain names are still printed as they are.
        Assert.Contains("\"key\": \"Logging:LogLevel:Default\"", json);
        Assert.Contains(live, Cli.Run(tmp.Path, "check", "-f", "json", "--show-secrets").Stdout);
    }
}
