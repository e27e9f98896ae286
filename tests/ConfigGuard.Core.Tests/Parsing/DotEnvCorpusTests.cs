using System.Text;
using System.Text.Json;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Tests;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>
/// DotEnvParser against dotenv.net 4.2.0: the recorded outputs in the shared corpus, the library itself on the same
/// fixtures, and the library on random input.
/// </summary>
public class DotEnvCorpusTests
{
    private static string DotEnvCorpus => Path.Combine(RepoPaths.Corpus, "dotenv");

    private static string[] FixtureNames() =>
        Directory.GetFiles(DotEnvCorpus)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    public static TheoryData<string> Fixtures() => new(FixtureNames());

    [CorpusFact]
    public void The_corpus_holds_all_22_fixtures()
    {
        Assert.Equal(22, FixtureNames().Length);
    }

    [CorpusTheory]
    [MemberData(nameof(Fixtures))]
    public void Entries_equal_the_recorded_dotenv_net_output(string fixture)
    {
        var expected = ReadExpected(fixture);

        var actual = DotEnvNetReference.LastValuePerKey(ParseFixture(fixture));

        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [CorpusTheory]
    [MemberData(nameof(Fixtures))]
    public void Entries_equal_what_the_dotenv_net_library_reads(string fixture)
    {
        var expected = DotEnvNetReference.Read(File.ReadAllBytes(Path.Combine(DotEnvCorpus, fixture)));

        var actual = DotEnvNetReference.LastValuePerKey(ParseFixture(fixture));

        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Random_input_reads_like_the_dotenv_net_library()
    {
        // Pieces chosen to hit every rule: quotes of all kinds, escapes, '#', whitespace, line breaks, export, BOM, NUL.
        string[] pieces =
        {
            "=", "\"", "'", "`", "#", " ", "\t", "\n", "\r", "\r\n", "a", "B", "_", "1", "export ", "export",
            "\\", "\\\"", "\\'", "\\\\", "\0", "\u00A0", "\uFEFF", "é", "x=y", "KEY=", " # c",
        };
        var texts = Gen.Elements(pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20260501UL, 1013904223UL);

        Check.One(config, Prop.ForAll(texts, text => Assert.True(ReadsLikeDotEnvNet(text), Describe(text))));
    }

    private static bool ReadsLikeDotEnvNet(string text)
    {
        var ours = DotEnvParser.Parse(".env", text);
        IDictionary<string, string> reference;
        try
        {
            reference = DotEnvNetReference.Read(text);
        }
        catch (ArgumentException)
        {
            // dotenv.net throws on an unterminated quote, even WithoutExceptions(); we must report it instead.
            return ours.Errors.Any(e => e.Message.StartsWith("unterminated", StringComparison.Ordinal));
        }
        var actual = DotEnvNetReference.LastValuePerKey(ours);
        return reference.Count == actual.Count && reference.All(kv => actual.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    private static string Describe(string text) => "input: " + JsonSerializer.Serialize(text);

    private static Model.ParsedFile ParseFixture(string fixture)
    {
        // Decode without dropping a byte order mark: the parser must skip it itself.
        string text = new UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(DotEnvCorpus, fixture)));
        var parsed = DotEnvParser.Parse("corpus/dotenv/" + fixture, text);
        return parsed;
    }

    private static Dictionary<string, string> ReadExpected(string fixture)
    {
        string json = File.ReadAllText(Path.Combine(DotEnvCorpus, "expected", fixture + ".dotenv-net.json"));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        // The recording was made on Linux; dotenv.net joins the lines of a multi-line value with Environment.NewLine.
        return values.ToDictionary(kv => kv.Key, kv => kv.Value.Replace("\n", Environment.NewLine), StringComparer.Ordinal);
    }
}
