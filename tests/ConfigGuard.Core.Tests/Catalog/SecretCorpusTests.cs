using System.Text.Json;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

/// <summary>
/// The credential catalog against secretlint's and detect-secrets' own fixtures (../shared/corpus/secrets):
/// every line they flag as a secret we flag; nothing on their must-not-flag files.
/// </summary>
public class SecretCorpusTests
{
    private static string Dir(string name) => Path.Combine(RepoPaths.Corpus, "secrets", name);

    /// <summary>1-based lines on which the catalog finds a secret (publishable keys excluded).</summary>
    private static SortedSet<int> FlaggedLines(string text)
    {
        var lines = new SortedSet<int>();
        var all = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].TrimStart().StartsWith('#')) continue;
            if (RulePack.Default.Credentials.Scan(all[i]).Any(m => m.Pattern.IsSecret)) lines.Add(i + 1);
        }
        return lines;
    }

    private static SortedSet<int> SecretlintLines(string caseDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseDir, "output.json")));
        return new SortedSet<int>(doc.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("loc").GetProperty("start").GetProperty("line").GetInt32()));
    }

    public static IEnumerable<object[]> SecretlintCases() =>
        new[] { "secretlint-stripe", "secretlint-database-connection-string" }
            .SelectMany(d => Directory.GetDirectories(Dir(d)).Select(c => new object[] { Path.GetFileName(d) + "/" + Path.GetFileName(c) }));

    [CorpusTheory]
    [MemberData(nameof(SecretlintCases))]
    public void Flags_every_line_secretlint_flags_and_nothing_on_ok_cases(string caseName)
    {
        var dir = Path.Combine(RepoPaths.Corpus, "secrets", caseName);
        var ours = FlaggedLines(File.ReadAllText(Path.Combine(dir, "input.txt")));
        var theirs = SecretlintLines(dir);
        if (Path.GetFileName(caseName).StartsWith("ok.", StringComparison.Ordinal))
        {
            Assert.Empty(ours);
        }
        else
        {
            Assert.Empty(theirs.Except(ours));
        }
    }

    [CorpusFact]
    public void Stripe_live_and_test_keys_are_told_apart_on_secretlint_fixtures()
    {
        var text = File.ReadAllText(Path.Combine(Dir("secretlint-stripe"), "ng.secret", "input.txt"));
        var modes = RulePack.Default.Credentials.Scan(text).Select(m => (m.Pattern.Id, m.Pattern.Mode)).ToList();
        Assert.Equal(new[]
        {
            ("stripe-secret-live", CredentialMode.Live), ("stripe-secret-test", CredentialMode.Test),
            ("stripe-restricted-live", CredentialMode.Live), ("stripe-restricted-test", CredentialMode.Test),
        }, modes);
    }

    [Fact]
    public void Database_url_redaction_hides_only_the_password()
    {
        var m = Assert.Single(RulePack.Default.Credentials.Scan("postgres://api_user:myC0mpl3xPwd@db.internal.com:5432/api_db"));
        Assert.Equal("postgres://api_user:****@", m.Redacted);
    }

    [CorpusFact]
    public void Detect_secrets_fixtures_aws_key_is_found()
    {
        // Of detect-secrets' must-flag lines, only the AWS key id (yaml line 5) is a known key format; the others are
        // entropy findings, which ConfigGuard leaves to CG0010 on signing-secret keys by design (no generic entropy scan).
        var yaml = File.ReadAllLines(Path.Combine(Dir("detect-secrets"), "config.yaml"));
        Assert.Contains(RulePack.Default.Credentials.Scan(yaml[4]), m => m.Pattern.Id == "aws-access-key-id");
        Assert.Empty(RulePack.Default.Credentials.Scan(yaml[17]));
    }
}
