using System.Text;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Checklist;
using ConfigGuard.Core.Comparison;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// The leak invariant, as a property: for any secret a rule reports, no output of any command in any format (check in
/// all six formats, checklist in three, diff in two) without --show-secrets contains 8 or more consecutive characters
/// of it beyond the documented prefix (sk_live_) and last four. Secrets are generated: live keys with random bodies,
/// URL passwords over an alphabet full of '/', '@', '?', '#', ':' and '%', weak session secrets, keys in JSON.
/// </summary>
public class LeakInvariantPropertyTests
{
    private const string Alnum = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const string Hostile = Alnum + "/@?#:%!*~-_.+=";

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(a => new string(a));

    /// <summary>A planted secret, the public prefix its redaction may show, and the files it sits in.</summary>
    public sealed record Case(string Secret, string PublicPrefix, (string Path, string Text)[] Files)
    {
        public override string ToString() => $"secret={Secret} files={string.Join(" | ", Files.Select(f => f.Path + ": " + f.Text.Replace("\n", "\\n")))}";
    }

    private static readonly string Live = "sk_" + "live_";

    private static Gen<Case> Cases() => Gen.OneOf(
        // A live key in staging (CG0001) and in production (CG0013), in .env and in JSON.
        Chars(Alnum, 24, 40).Select(body => new Case(Live + body, Live, new[]
        {
            (".env.staging", $"APP_ENV=staging\nPAYMENTS={Live}{body}\n"),
            (".env.production", $"APP_ENV=production\nPAYMENTS={Live}{body}\n"),
            ("appsettings.Staging.json", $"{{ \"Stripe\": {{ \"Secret\": \"{Live}{body}\" }} }}"),
        })),
        // A URL password with every delimiter a parser can trip on (CG0002, CG0005, CG0013).
        Chars(Hostile, 10, 28).Where(p => p.Count(char.IsLetterOrDigit) >= 8 && !p.EndsWith('%')).Select(pw => new Case(pw, "", new[]
        {
            (".env.staging", $"APP_ENV=staging\nDATABASE_URL=postgres://svc:{pw}@prod-db.acme.internal:5432/orders\nCACHE=redis://:{pw}@cache.acme.internal:6379\n"),
            (".env.production", $"APP_ENV=production\nDATABASE_URL=postgres://svc:{pw}@prod-db.acme.internal:5432/orders\nCACHE=redis://:{pw}@cache.acme.internal:6379\n"),
        })),
        // A weak signing secret (CG0010) under a key the diff does not know as secret-looking by its value.
        Chars(Alnum, 12, 24).Select(s => new Case(s, "", new[]
        {
            (".env.staging", $"APP_ENV=staging\nSESSION_SECRET={s}\nADMIN_LOGIN={s}\n"),
            (".env.production", $"APP_ENV=production\nSESSION_SECRET={s}\nADMIN_LOGIN={s}\n"),
        })));

    /// <summary>Everything the CLI would print for these files, in-process, with the CLI's own writers.</summary>
    private static IEnumerable<(string Output, string Text)> Outputs((string Path, string Text)[] files)
    {
        var engine = new AnalysisEngine(RulePack.Default);
        var result = engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());
        var report = new ScanReport(result.Findings.ToList(), result.Notices.ToList(), result.Files.Count, result.Suppressed, RulePack.Default, ShowSecrets: false);
        yield return ("check text", WriterCapture.Text(w => TextReporter.Write(report, w, color: false)));
        yield return ("check github", WriterCapture.Text(w => GitHubReporter.Write(report, w)));
        yield return ("check markdown", WriterCapture.Text(w => MarkdownReporter.Write(report, w)));
        yield return ("check json", WriterCapture.Bytes(s => JsonReporter.Write(report, s)));
        yield return ("check sarif", WriterCapture.Bytes(s => SarifReporter.Write(report, s, "file:///repo/")));
        yield return ("check junit", WriterCapture.Bytes(s => JUnitReporter.Write(report, s, Severity.Error)));
        foreach (var target in new[] { EnvironmentClass.Staging, EnvironmentClass.Production })
        {
            var checklist = SafetyChecklist.Evaluate(result, target, RulePack.Default, RulePack.Default.Keys.Resources);
            yield return ($"checklist {target} text", WriterCapture.Text(w => ChecklistWriter.WriteText(checklist, w, color: false)));
            yield return ($"checklist {target} markdown", WriterCapture.Text(w => ChecklistWriter.WriteMarkdown(checklist, w)));
            yield return ($"checklist {target} json", WriterCapture.Bytes(s => ChecklistWriter.WriteJson(checklist, s)));
        }
        var diffs = EnvironmentDiffBuilder.Build(result.Views, "staging", "production", RulePack.Default, engine.CreateSink());
        yield return ("diff text", WriterCapture.Text(w => DiffWriter.WriteText(diffs, "staging", "production", w)));
        yield return ("diff json", WriterCapture.Bytes(s => DiffWriter.WriteJson(diffs, "staging", "production", s)));
    }

    /// <summary>The first 8-character window of the secret an output shows beyond its public prefix, or null.</summary>
    public static string? LeakedWindow(string output, string secret, string publicPrefix)
    {
        for (int i = 0; i + 8 <= secret.Length; i++)
        {
            if (i + 8 <= publicPrefix.Length) continue;
            var w = secret.Substring(i, 8);
            if (output.Contains(w, StringComparison.Ordinal)) return w;
            // JSON writers escape some characters (\u002B for '+'): compare the escaped form too.
            var escaped = System.Text.Json.JsonSerializer.Serialize(w).Trim('"');
            if (escaped != w && output.Contains(escaped, StringComparison.Ordinal)) return w;
        }
        return null;
    }

    [Fact]
    public void No_output_shows_8_characters_of_a_reported_secret_beyond_its_prefix_and_last_four()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(20261130UL, 40503UL);
        Check.One(config, Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var outputs = Outputs(c.Files).ToList();
            Assert.Contains(outputs, o => o.Text.Contains("CG00", StringComparison.Ordinal));
            foreach (var (name, text) in outputs)
            {
                var leaked = LeakedWindow(text, c.Secret, c.PublicPrefix);
                Assert.True(leaked is null, $"{name} shows '{leaked}' of {c}:\n{text}");
            }
        }));
    }

    [Fact]
    public void The_checker_itself_sees_a_leak()
    {
        Assert.Equal("abcdefgh", LeakedWindow("xx abcdefghijk", "abcdefghijkl", "a"));
        Assert.Null(LeakedWindow("sk_live_…Q3xZ", Live + "51HxExampleQ3xZ", Live));
    }
}
