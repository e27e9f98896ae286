using ConfigGuard.Core.Catalog;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

public class KeywordIndexTests
{
    [Fact]
    public void Finds_overlapping_and_nested_keywords_in_one_pass()
    {
        var index = new KeywordIndex(new[] { "sk_", "sk_live_", "live_", "k_l", "SK" });
        var present = new bool[5];
        Assert.True(index.FindPresent("x=sk_live_abc", present));
        Assert.Equal(new[] { true, true, true, true, false }, present);
    }

    [Fact]
    public void Agrees_with_IndexOf_on_random_text()
    {
        var keywords = new[] { "ab", "abc", "bca", "c", "aab", "ba" };
        var index = new KeywordIndex(keywords);
        var config = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(7UL, 11UL);
        var texts = Gen.Elements('a', 'b', 'c', 'd').ArrayOf().Select(cs => new string(cs)).ToArbitrary();
        Check.One(config, Prop.ForAll(texts, text =>
        {
            var present = new bool[keywords.Length];
            index.FindPresent(text, present);
            Assert.Equal(keywords.Select(k => text.Contains(k, StringComparison.Ordinal)), present);
        }));
    }

    [Fact]
    public void ContainsAny_agrees_with_IndexOf_with_and_without_ASCII_case()
    {
        var keywords = new[] { "ab", "bca", "cad" };
        var index = new KeywordIndex(keywords);
        var config = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(5UL, 13UL);
        var texts = Gen.Elements('a', 'b', 'c', 'd', 'A', 'B', 'C', 'D').ArrayOf().Select(cs => new string(cs)).ToArbitrary();
        Check.One(config, Prop.ForAll(texts, text =>
        {
            Assert.Equal(keywords.Any(k => text.Contains(k, StringComparison.Ordinal)), index.ContainsAny(text));
            Assert.Equal(keywords.Any(k => text.ToLowerInvariant().Contains(k, StringComparison.Ordinal)), index.ContainsAny(text, ignoreAsciiCase: true));
        }));
    }

    [Fact]
    public void Agrees_with_IndexOf_when_keywords_and_text_hold_characters_beyond_ASCII_and_outside_every_keyword()
    {
        // The compiled table gives each character the keywords use a column (beyond ASCII too) and every other one a
        // shared column that leads back to the start: both kinds must step exactly as the trie did.
        var keywords = new[] { "é", "aé", "éß", "ßa", "a\u00e9ab" };
        var index = new KeywordIndex(keywords);
        var config = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(3UL, 17UL);
        var texts = Gen.Elements('a', 'b', 'é', 'ß', 'x', '\u4e2d').ArrayOf().Select(cs => new string(cs)).ToArbitrary();
        Check.One(config, Prop.ForAll(texts, text =>
        {
            var present = new bool[keywords.Length];
            Assert.Equal(keywords.Any(k => text.Contains(k, StringComparison.Ordinal)), index.FindPresent(text, present));
            Assert.Equal(keywords.Select(k => text.Contains(k, StringComparison.Ordinal)), present);
            Assert.Equal(keywords.Any(k => text.Contains(k, StringComparison.Ordinal)), index.ContainsAny(text));
        }));
    }
}
