using System.Diagnostics;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

public class DotEnvParserTests
{
    private static ParsedFile Parse(string text) => DotEnvParser.Parse(".env", text);

    private static ConfigEntry Single(string text) => Assert.Single(Parse(text).Entries);

    private static void AssertSpan(SourceSpan span, int startLine, int startColumn, int endLine, int endColumn) =>
        Assert.Equal((startLine, startColumn, endLine, endColumn), (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));

    // ---- values: the dotenv.net 4.2.0 dialect ----

    [Theory]
    [InlineData("A=1", "A", "1")]
    [InlineData("  A  =1", "A", "1")]
    [InlineData("A= 1", "A", " 1")]
    [InlineData("A=1  ", "A", "1  ")]
    [InlineData("A=", "A", "")]
    [InlineData("A=x=y", "A", "x=y")]
    [InlineData("export A=1", "A", "1")]
    [InlineData("A=\"q\"", "A", "q")]
    [InlineData("A=  \"q\"", "A", "q")]
    [InlineData("A='q'", "A", "q")]
    [InlineData("A=`q`", "A", "`q`")]
    [InlineData("A=\"a\\nb\"", "A", "a\\nb")]
    [InlineData("A=\"say \\\"hi\\\"\"", "A", "say \"hi\"")]
    [InlineData("A='it\\'s'", "A", "it's")]
    [InlineData("A=\"back\\\\slash\"", "A", "back\\slash")]
    [InlineData("A=\"a # not a comment\"", "A", "a # not a comment")]
    public void Reads_values_as_dotenv_net_does(string text, string key, string value)
    {
        var entry = Single(text);

        Assert.Equal((key, value), (entry.Key, entry.Value));
    }

    [Theory]
    [InlineData("A=a # comment", "a")]
    [InlineData("A=a\t# comment", "a")]
    [InlineData("A=  a   # comment", "  a")]
    [InlineData("A= # comment", "")]
    [InlineData("A=a#b", "a#b")]
    [InlineData("A=#b", "#b")]
    public void An_inline_comment_starts_at_whitespace_followed_by_hash(string text, string value)
    {
        Assert.Equal(value, Single(text).Value);
    }

    [Fact]
    public void Quoted_values_span_lines_joined_with_the_platform_newline()
    {
        var entry = Single("A=\"one\ntwo\r\nthree\"");

        Assert.Equal("one" + Environment.NewLine + "two" + Environment.NewLine + "three", entry.Value);
    }

    [Fact]
    public void Text_after_the_closing_quote_is_dropped()
    {
        Assert.Equal("a", Single("A=\"a\"b\"").Value);
    }

    [Fact]
    public void A_backtick_is_an_ordinary_character_so_a_multi_line_backtick_value_keeps_only_its_first_line()
    {
        var parsed = Parse("A=`one\ntwo`");

        Assert.Equal("`one", Assert.Single(parsed.Entries).Value);
        Assert.Single(parsed.Errors); // "two`" has no '='
    }

    [Fact]
    public void A_repeated_key_keeps_every_entry_in_order_and_the_last_wins()
    {
        var parsed = Parse("A=1\nA=2");

        Assert.Equal(new[] { "1", "2" }, parsed.Entries.Select(e => e.Value));
        Assert.Equal("2", DotEnvNetReference.LastValuePerKey(parsed)["A"]);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("exportA=1", "A")]
    [InlineData("export export_ME=1", "_ME")]
    [InlineData("export exported_E=1", "ed_E")]
    [InlineData("MY_export=1", "MY_export")]
    public void Export_removal_matches_dotenv_net_which_deletes_every_export_in_the_key(string text, string key)
    {
        Assert.Equal(key, Single(text).Key);
        Assert.Equal(key, DotEnvNetReference.Read(text).Single().Key);
    }

    [Fact]
    public void An_indented_hash_line_with_an_equals_sign_is_an_entry_not_a_comment()
    {
        var entry = Single("  # A=1");

        Assert.Equal(("# A", "1"), (entry.Key, entry.Value));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped()
    {
        var entry = Single("\uFEFFA=1");

        Assert.Equal("A", entry.Key);
        Assert.Equal(1, entry.KeySpan.Start);
    }

    [Fact]
    public void Nul_characters_are_kept_in_keys_and_values()
    {
        var entry = Single("A\0=\0x");

        Assert.Equal(("A\0", "\0x"), (entry.Key, entry.Value));
    }

    [Fact]
    public void Lone_carriage_returns_end_lines()
    {
        var parsed = Parse("A=1\rB=2\r");

        Assert.Equal(new[] { "A=1", "B=2" }, parsed.Entries.Select(e => e.ToString()));
        Assert.Equal(2, parsed.Entries[1].KeySpan.StartLine);
    }

    // ---- positions ----

    [Fact]
    public void Key_and_value_spans_point_at_their_characters()
    {
        var entry = Parse("# c\nNAME=value").Entries[0];

        AssertSpan(entry.KeySpan, 2, 1, 2, 5);
        AssertSpan(entry.ValueSpan, 2, 6, 2, 11);
    }

    [Fact]
    public void An_exported_key_span_skips_the_keyword()
    {
        var entry = Single("export  NAME = v");

        AssertSpan(entry.KeySpan, 1, 9, 1, 13);
        AssertSpan(entry.ValueSpan, 1, 15, 1, 17);
    }

    [Fact]
    public void A_quoted_value_span_covers_the_text_inside_the_quotes()
    {
        var entry = Single("A=  \"xyz\"  # c");

        AssertSpan(entry.ValueSpan, 1, 6, 1, 9);
    }

    [Fact]
    public void An_empty_value_span_is_empty_right_after_the_equals_sign()
    {
        var entry = Single("A=");

        AssertSpan(entry.ValueSpan, 1, 3, 1, 3);
        Assert.Equal(0, entry.ValueSpan.Length);
    }

    [Fact]
    public void Positions_after_a_multi_line_value_are_exact()
    {
        var parsed = Parse("M=\"a\nbc\"\nK=v");

        AssertSpan(parsed.Entries[0].ValueSpan, 1, 4, 2, 3);
        AssertSpan(parsed.Entries[1].KeySpan, 3, 1, 3, 2);
        AssertSpan(parsed.Entries[1].ValueSpan, 3, 3, 3, 4);
    }

    [Fact]
    public void Positions_with_crlf_line_breaks_are_exact()
    {
        string text = "A=1\r\nM='x\r\ny'\r\nB=22\r\n";
        var parsed = Parse(text);

        var b = parsed.Entries[2];
        AssertSpan(b.KeySpan, 4, 1, 4, 2);
        AssertSpan(b.ValueSpan, 4, 3, 4, 5);
        Assert.Equal("22", text.Substring(b.ValueSpan.Start, b.ValueSpan.Length));
        Assert.Equal("x\r\ny", text.Substring(parsed.Entries[1].ValueSpan.Start, parsed.Entries[1].ValueSpan.Length));
    }

    [Fact]
    public void Tabs_count_as_one_column()
    {
        var entry = Single("\tA=\tv");

        AssertSpan(entry.KeySpan, 1, 2, 1, 3);
        AssertSpan(entry.ValueSpan, 1, 4, 1, 6);
    }

    // ---- comments ----

    [Fact]
    public void Comments_are_kept_with_line_and_placement()
    {
        var parsed = Parse("# top\nA=1 # inline\nB=\"q\" # after quote\n  #  indented  \nC=2");

        Assert.Equal(
            new[] { ("top", 1, true), ("inline", 2, false), ("after quote", 3, false), ("indented", 4, true) },
            parsed.Comments.Select(c => (c.Text, c.Line, c.IsWholeLine)));
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void A_hash_inside_a_value_is_not_a_comment()
    {
        Assert.Empty(Parse("A=a#b\nB=\"x # y\"").Comments);
    }

    // ---- errors: lines dotenv.net drops or cannot read ----

    [Fact]
    public void A_line_without_equals_is_an_error_and_dotenv_net_drops_it()
    {
        var parsed = Parse("A=1\n  JUST_A_NAME  \nB=2");

        var error = Assert.Single(parsed.Errors);
        Assert.Contains("line has no '='", error.Message);
        AssertSpan(error.Span, 2, 3, 2, 14);
        Assert.Equal(new[] { "A", "B" }, parsed.Entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData("=value", 1)]
    [InlineData("  = value", 3)]
    [InlineData("export =1", 8)]
    public void An_empty_key_is_an_error_at_the_equals_sign(string text, int column)
    {
        var parsed = Parse(text);

        Assert.Empty(parsed.Entries);
        var error = Assert.Single(parsed.Errors);
        Assert.Contains("empty key", error.Message);
        AssertSpan(error.Span, 1, column, 1, column + 1);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_and_reading_resumes_on_the_next_line()
    {
        var parsed = Parse("A=\"never closed\nB=2");

        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith("unterminated double-quoted value for 'A'", error.Message);
        AssertSpan(error.Span, 1, 3, 1, 4);
        Assert.Equal("B=2", Assert.Single(parsed.Entries).ToString());
        Assert.Throws<ArgumentException>(() => DotEnvNetReference.Read("A=\"never closed\nB=2"));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var parsed = Parse("A='x' junk ");

        Assert.Equal("x", Assert.Single(parsed.Entries).Value);
        var error = Assert.Single(parsed.Errors);
        Assert.Contains("after the closing quote", error.Message);
        AssertSpan(error.Span, 1, 7, 1, 11);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  \t \r\n")]
    [InlineData("\uFEFF")]
    [InlineData("# only a comment")]
    public void Blank_and_comment_only_files_have_no_entries_and_no_errors(string text)
    {
        var parsed = Parse(text);

        Assert.Empty(parsed.Entries);
        Assert.Empty(parsed.Errors);
    }

    // ---- robustness ----

    [Fact]
    public void Many_quote_openers_are_read_in_linear_time()
    {
        // Each value runs to the next line's quote: "x\nA=", then "x" after the closing quote is an error.
        string text = string.Concat(Enumerable.Repeat("A=\"x\n", 100_000)) + "B='unterminated\nC=\"also";

        var watch = Stopwatch.StartNew();
        var parsed = Parse(text);

        Assert.Equal(50_000, parsed.Entries.Count);
        Assert.Equal(50_002, parsed.Errors.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_very_long_line_is_read()
    {
        string value = new string('v', 2_000_000) + " \\ \" ' ` # tail";

        var entry = Single("LONG=" + value);

        Assert.Equal(new string('v', 2_000_000) + " \\ \" ' `", entry.Value);
    }

    [Fact]
    public void Parse_accepts_a_null_text()
    {
        Assert.Empty(DotEnvParser.Parse(".env", null!).Entries);
    }
}
