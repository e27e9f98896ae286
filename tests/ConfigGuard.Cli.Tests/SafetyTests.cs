using System.Security.Cryptography;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>ConfigGuard must never become the leak it exists to prevent, and `check` must never write into the scanned tree.</summary>
public class SafetyTests
{
    private static readonly string[] Planted =
    {
        Fake.StripeLive,
        "rk_" + "live_" + "51HxExampleOnlyNotARealKeyR3st",
        "AKIA" + "IOSFODNN7EXAMPLE",
        "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "s3cr3t-" + "Passw0rd-For-Prod",
        "FLWSECK-" + "0123456789abcdef0123456789abcdef-X",
        "weak" + "secret",
    };

    private static void Plant(TempDir tmp)
    {
        tmp.Write(".env.staging", $"STRIPE={Planted[0]}\nRK={Planted[1]}\nDATABASE_URL=postgres://u:{Planted[4]}@prod-db/x\nSESSION_SECRET={Planted[6]}\n");
        tmp.Write(".env.production", $"APP_ENV=production\nAWS_KEY={Planted[2]}\nSLACK={Planted[3]}\nFLW={Planted[5]}\nSESSION_SECRET={Planted[6]}\n");
        tmp.Write("appsettings.json", $"{{ \"Stripe\": {{ \"Key\": \"{Planted[0]}\" }}, \"Db\": \"Host=prod;Password={Planted[4]}\" }}");
        tmp.Write("appsettings.Staging.json", "{ \"Jwt\": { \"Key\": \"" + Planted[6] + "\" } }");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public void No_output_format_contains_a_whole_secret(string format)
    {
        using var tmp = new TempDir();
        Plant(tmp);
        var outFile = Path.Combine(Path.GetTempPath(), "cg-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = Cli.Run(tmp.Path, "check", "--format", format);
            var file = Cli.Run(tmp.Path, "check", "--format", format, "--output", outFile);
            Assert.Equal(1, stdout.ExitCode);
            var everything = stdout.All + file.All + File.ReadAllText(outFile) + Cli.Run(tmp.Path, "envs").All;
            foreach (var secret in Planted) Assert.DoesNotContain(secret, everything);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Fact]
    public void Checklist_diff_envs_and_baseline_never_print_a_whole_secret()
    {
        using var tmp = new TempDir();
        Plant(tmp);
        var outputs = new List<string>();
        foreach (var args in new[]
        {
            new[] { "checklist" }, new[] { "checklist", "--format", "markdown" }, new[] { "checklist", "--format", "json" },
            new[] { "checklist", "--env", "production" }, new[] { "diff", "staging", "production" },
            new[] { "diff", "staging", "production", "--format", "json" }, new[] { "envs" }, new[] { "baseline", "create" },
        })
        {
            outputs.Add(Cli.Run(tmp.Path, args).All);
        }
        outputs.Add(File.ReadAllText(Path.Combine(tmp.Path, ".configguard-baseline.json")));
        var everything = string.Join("\n", outputs);
        Assert.Contains("CG0001", everything);
        foreach (var secret in Planted) Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    public void Check_never_modifies_the_scanned_tree()
    {
        using var tmp = new TempDir();
        Plant(tmp);
        tmp.Git("init", "-q");
        tmp.Git("add", ".");
        var before = HashTree(tmp.Path);
        foreach (var format in new[] { "text", "json", "sarif", "github", "junit", "markdown" }) Cli.Run(tmp.Path, "check", "--format", format);
        Cli.Run(tmp.Path, "envs");
        Cli.Run(tmp.Path, "checklist");
        Cli.Run(tmp.Path, "diff", "staging", "production");
        Cli.Run(tmp.Path, "check", "--staged");
        Assert.Equal(before, HashTree(tmp.Path));
    }

    private static SortedDictionary<string, string> HashTree(string root)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, f);
            if (rel.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !rel.EndsWith("index", StringComparison.Ordinal)) continue;
            map[rel] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        }
        return map;
    }
}
