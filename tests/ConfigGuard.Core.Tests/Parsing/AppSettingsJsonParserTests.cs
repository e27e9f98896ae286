using System.Diagnostics;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

public class AppSettingsJsonParserTests
{
    private static ParsedFile Parse(string text) => AppSettingsJsonParser.Parse("appsettings.json", text);

    private static string[] Pairs(ParsedFile file) => file.Entries.Select(e => e.ToString()).ToArray();

    private static ParsedFile ParseWithoutErrors(string text)
    {
        var parsed = Parse(text);
        Assert.Empty(parsed.Errors);
        return parsed;
    }

    private static void AssertSpan(SourceSpan span, int startLine, int startColumn, int endLine, int endColumn) =>
        Assert.Equal((startLine, startColumn, endLine, endColumn), (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));

    private static ParseError SingleError(string text, string messageStart, int line, int column)
    {
        var error = Assert.Single(Parse(text).Errors);
        Assert.StartsWith(messageStart, error.Message);
        Assert.Equal((line, column), (error.Span.StartLine, error.Span.StartColumn));
        return error;
    }

    // ---- flattening, as Microsoft.Extensions.Configuration does it ----

    [Fact]
    public void Nested_objects_are_joined_with_colons()
    {
        var parsed = ParseWithoutErrors("""{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""");

        Assert.Equal(new[] { "Logging:LogLevel:Default=Information", "AllowedHosts=*" }, Pairs(parsed));
    }

    [Fact]
    public void Arrays_are_flattened_by_index()
    {
        var parsed = ParseWithoutErrors("""{ "Items": [ { "Name": "a" }, { "Name": "b", "Tags": ["x", "y"] } ] }""");

        Assert.Equal(new[] { "Items:0:Name=a", "Items:1:Name=b", "Items:1:Tags:0=x", "Items:1:Tags:1=y" }, Pairs(parsed));
    }

    [Fact]
    public void Key_case_is_kept_as_written()
    {
        Assert.Equal(new[] { "ConnectionStrings:DefaultConnection=x" }, Pairs(ParseWithoutErrors("""{"ConnectionStrings":{"DefaultConnection":"x"}}""")));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "-0")]
    [InlineData("1.50", "1.50")]
    [InlineData("1.5e+3", "1.5e+3")]
    [InlineData("-2E-7", "-2E-7")]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("null", "")]
    [InlineData("\"text\"", "text")]
    [InlineData("{}", "")]
    [InlineData("[]", "")]
    public void Leaf_values_are_the_strings_configuration_stores(string json, string value)
    {
        var entry = Assert.Single(ParseWithoutErrors("{\"K\":" + json + "}").Entries);

        Assert.Equal(("K", value), (entry.Key, entry.Value));
    }

    [Fact]
    public void Empty_containers_inside_arrays_get_their_index_key()
    {
        Assert.Equal(new[] { "a:0=", "b:0=" }, Pairs(ParseWithoutErrors("""{"a":[[]],"b":[{}]}""")));
    }

    [Fact]
    public void An_empty_top_level_object_has_no_entries()
    {
        Assert.Empty(ParseWithoutErrors("{ }").Entries);
    }

    [Fact]
    public void An_empty_property_name_is_an_empty_key_segment()
    {
        Assert.Equal(new[] { "=1", "x:=2" }, Pairs(ParseWithoutErrors("""{"":1,"x":{"":2}}""")));
    }

    // ---- comments and trailing commas ----

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_and_comments_kept()
    {
        string text = """
            // leading
            {
              "A": 1, // after a value
              /* block */ "B": [ 1, 2, ],
              "C": /* before a value */ true,
            }
            /* multi
               line */
            """;

        var parsed = ParseWithoutErrors(text);

        Assert.Equal(new[] { "A=1", "B:0=1", "B:1=2", "C=True" }, Pairs(parsed));
        Assert.Equal(
            new[] { ("leading", 1, true), ("after a value", 3, false), ("block", 4, true), ("before a value", 5, false), ("multi\n   line", 7, true) },
            parsed.Comments.Select(c => (c.Text, c.Line, c.IsWholeLine)));
    }

    [Fact]
    public void A_comment_between_a_property_name_and_its_colon_is_an_error_as_in_System_Text_Json()
    {
        var error = SingleError("""{"a" /* c */ : 1}""", "expected ':' after property name (a comment is not allowed before ':'), found '/'", 1, 6);

        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("""{"a":1,,}""", "expected a property name in double quotes or '}', found ','", 8)]
    [InlineData("""{"a":[1,,2]}""", "expected a value, found ','", 9)]
    [InlineData("""{,}""", "expected a property name in double quotes or '}', found ','", 2)]
    public void Only_one_trailing_comma_is_allowed(string text, string message, int column)
    {
        SingleError(text, message, 1, column);
    }

    [Fact]
    public void A_line_separator_inside_a_line_comment_is_an_error_as_in_System_Text_Json()
    {
        SingleError("{\"a\":1 // x\u2028y\n}", "line or paragraph separator inside a // comment", 1, 12);
    }

    // ---- positions ----

    [Fact]
    public void Key_span_is_the_property_name_and_value_span_the_value_token()
    {
        string text = "{\n  \"Outer\": {\n    \"Name\": \"value\",\n    \"Port\": 8080\n  }\n}";
        var parsed = ParseWithoutErrors(text);

        var name = parsed.Entries[0];
        AssertSpan(name.KeySpan, 3, 6, 3, 10);
        AssertSpan(name.ValueSpan, 3, 14, 3, 19);
        var port = parsed.Entries[1];
        AssertSpan(port.ValueSpan, 4, 13, 4, 17);
        Assert.Equal("8080", text.Substring(port.ValueSpan.Start, port.ValueSpan.Length));
    }

    [Fact]
    public void An_array_element_key_span_is_its_value_span()
    {
        var entry = ParseWithoutErrors("""{"a":[ true ]}""").Entries[0];

        AssertSpan(entry.KeySpan, 1, 8, 1, 12);
        Assert.Equal(entry.KeySpan, entry.ValueSpan);
    }

    [Fact]
    public void An_empty_container_value_span_covers_its_brackets()
    {
        var entry = ParseWithoutErrors("{\"a\": [\n ] }").Entries[0];

        AssertSpan(entry.KeySpan, 1, 3, 1, 4);
        AssertSpan(entry.ValueSpan, 1, 7, 2, 3);
    }

    [Fact]
    public void Positions_with_crlf_are_exact()
    {
        var entry = ParseWithoutErrors("{\r\n\"a\":\r\n  \"v\"\r\n}").Entries[0];

        AssertSpan(entry.KeySpan, 2, 2, 2, 3);
        AssertSpan(entry.ValueSpan, 3, 4, 3, 5);
    }

    [Fact]
    public void A_value_span_covers_escapes_as_written()
    {
        string text = """{"a":"x\ty\u00e9"}""";
        var entry = ParseWithoutErrors(text).Entries[0];

        Assert.Equal("x\\ty\\u00e9", text.Substring(entry.ValueSpan.Start, entry.ValueSpan.Length));
    }

    // ---- string escapes ----

    [Theory]
    [InlineData("""\"\\\/""", "\"\\/")]
    [InlineData("""\b\f\n\r\t""", "\b\f\n\r\t")]
    [InlineData("""\u00e9\u00C9""", "éÉ")]
    [InlineData("""\uD83D\uDE00""", "\U0001F600")]
    [InlineData("""plain ünïcode""", "plain ünïcode")]
    public void String_escapes_are_decoded(string escaped, string value)
    {
        Assert.Equal(value, ParseWithoutErrors("{\"k\":\"" + escaped + "\"}").Entries[0].Value);
    }

    [Fact]
    public void Property_names_are_decoded_too()
    {
        Assert.Equal("kA:b", ParseWithoutErrors("""{"k\u0041":{"\u0062":1}}""").Entries[0].Key);
    }

    [Theory]
    [InlineData("""{"a":"\uD800"}""")]
    [InlineData("""{"a":"\uDC00x"}""")]
    [InlineData("""{"a":"\uD800\u0041"}""")]
    public void A_lone_surrogate_escape_is_reported_and_read_as_a_replacement_character(string text)
    {
        var parsed = Parse(text);

        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith("lone surrogate escape", error.Message);
        AssertSpan(error.Span, 1, 7, 1, 13);
        Assert.StartsWith("\uFFFD", parsed.Entries[0].Value);
    }

    // ---- syntax errors: exact location, entries before the error kept ----

    [Fact]
    public void A_truncated_file_reports_the_end_of_file()
    {
        var parsed = Parse("{\n  \"a\": 1,\n");

        Assert.Equal(new[] { "a=1" }, Pairs(parsed));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("expected a property name in double quotes or '}', found end of file", error.Message);
        AssertSpan(error.Span, 3, 1, 3, 1);
    }

    [Fact]
    public void A_missing_comma_is_reported_where_the_next_property_starts()
    {
        var parsed = Parse("{\n  \"a\": 1\n  \"b\": 2\n}");

        Assert.Equal(new[] { "a=1" }, Pairs(parsed));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("expected ',' or '}' after property value, found '\"'", error.Message);
        AssertSpan(error.Span, 3, 3, 3, 4);
    }

    [Fact]
    public void An_unclosed_object_is_reported_at_the_end_of_file()
    {
        SingleError("""{"a":{"b":1}""", "expected ',' or '}' after property value, found end of file", 1, 13);
    }

    [Fact]
    public void An_extra_closing_brace_is_reported()
    {
        SingleError("""{"a":1}}""", "unexpected text after the end of the top-level object: expected end of file, found '}'", 1, 8);
    }

    [Fact]
    public void A_missing_array_comma_is_reported()
    {
        SingleError("""{"a":[1 2]}""", "expected ',' or ']' after array element, found '2'", 1, 9);
    }

    [Theory]
    [InlineData("[1, 2]", '[')]
    [InlineData("\"text\"", '"')]
    [InlineData("42", '4')]
    public void A_top_level_value_that_is_not_an_object_is_an_error(string text, char found)
    {
        var parsed = Parse(text);

        Assert.Empty(parsed.Entries);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal($"the top-level JSON value must be an object: expected '{{', found '{found}'", error.Message);
        AssertSpan(error.Span, 1, 1, 1, 2);
    }

    [Theory]
    [InlineData("""{"a":01}""", "invalid number: a leading zero", 6)]
    [InlineData("""{"a":1.}""", "invalid number: expected a digit after '.', found '}'", 8)]
    [InlineData("""{"a":1e}""", "invalid number: expected a digit in the exponent, found '}'", 8)]
    [InlineData("""{"a":-}""", "invalid number: expected a digit, found '}'", 7)]
    [InlineData("""{"a":+1}""", "expected a value, found '+'", 6)]
    [InlineData("""{"a":.5}""", "expected a value, found '.'", 6)]
    [InlineData("""{"a":1x}""", "expected ',' or '}' after property value, found 'x'", 7)]
    [InlineData("""{"a":tru}""", "invalid literal: expected 'true'", 6)]
    [InlineData("""{"a":True}""", "expected a value, found 'T'", 6)]
    [InlineData("""{'a':1}""", "expected a property name in double quotes or '}', found '''", 2)]
    [InlineData("""{"a" 1}""", "expected ':' after property name, found '1'", 6)]
    [InlineData("""{"a":"x""", "unterminated string", 6)]
    [InlineData("""{"a":"\x"}""", "invalid escape sequence '\\x'", 7)]
    [InlineData("""{"a":"\u12"}""", "invalid \\u escape: expected four hex digits", 7)]
    [InlineData("{\"a\":\"tab\there\"}", "control character in a string: it must be escaped, found U+0009", 10)]
    [InlineData("{\"a\":1 /* open", "unterminated /* comment", 8)]
    [InlineData("{\"a\":1}\u00A0", "unexpected text after the end of the top-level object: expected end of file, found U+00A0", 8)]
    public void Syntax_errors_have_exact_locations(string text, string messageStart, int column)
    {
        SingleError(text, messageStart, 1, column);
    }

    [Fact]
    public void Entries_read_before_a_syntax_error_are_kept()
    {
        var parsed = Parse("""{"a":1,"b":{"c":true,"d":nope},"e":2}""");

        Assert.Equal(new[] { "a=1", "b:c=True" }, Pairs(parsed));
        Assert.Single(parsed.Errors);
    }

    // ---- depth ----

    [Fact]
    public void Sixty_four_levels_are_accepted()
    {
        string text = "{\"a\":" + new string('[', 63) + "1" + new string(']', 63) + "}";

        var entry = Assert.Single(ParseWithoutErrors(text).Entries);

        Assert.Equal("a" + string.Concat(Enumerable.Repeat(":0", 63)), entry.Key);
    }

    [Fact]
    public void The_sixty_fifth_level_is_an_error()
    {
        string text = "{\"a\":" + new string('[', 64) + "1" + new string(']', 64) + "}";

        SingleError(text, "JSON nested deeper than 64 levels", 1, 69);
    }

    [Fact]
    public void A_depth_bomb_returns_an_error_quickly()
    {
        var watch = Stopwatch.StartNew();

        var topLevel = Parse(new string('[', 10_000));
        var nested = Parse("{\"a\":" + new string('[', 100_000));
        var objects = Parse(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)));

        Assert.Single(topLevel.Errors);
        Assert.Single(nested.Errors);
        Assert.Single(objects.Errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    // ---- duplicate keys ----

    [Fact]
    public void A_duplicate_key_differing_only_in_case_is_an_error_and_both_entries_are_kept()
    {
        var parsed = Parse("{\"Key\": 1,\n \"key\": 2}");

        Assert.Equal(new[] { "Key=1", "key=2" }, Pairs(parsed));
        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith("duplicate key 'key'", error.Message);
        AssertSpan(error.Span, 2, 3, 2, 6);
    }

    [Theory]
    [InlineData("""{"a":{"b":1},"a:b":2}""", "a:b")]
    [InlineData("""{"a":{},"a":1}""", "a")]
    [InlineData("""{"a":[1],"a":{"0":2}}""", "a:0")]
    public void A_duplicate_flattened_key_is_an_error(string text, string key)
    {
        Assert.StartsWith($"duplicate key '{key}'", Assert.Single(Parse(text).Errors).Message);
    }

    [Theory]
    [InlineData("""{"a":{"b":1},"a":{"c":2}}""")]
    [InlineData("""{"a":1,"a":{}}""")]
    public void Repeated_sections_whose_leaves_differ_are_not_duplicates(string text)
    {
        ParseWithoutErrors(text);
    }

    // ---- BOM and empty files ----

    [Fact]
    public void A_leading_byte_order_mark_is_skipped()
    {
        var entry = ParseWithoutErrors("\uFEFF{\"a\":1}").Entries[0];

        Assert.Equal("a=1", entry.ToString());
        Assert.Equal(3, entry.KeySpan.Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t")]
    [InlineData("\uFEFF")]
    [InlineData("// nothing configured yet\n/* really */")]
    public void A_file_without_any_JSON_value_has_no_entries_and_no_errors(string text)
    {
        var parsed = ParseWithoutErrors(text);

        Assert.Empty(parsed.Entries);
    }

    // ---- robustness ----

    [Fact]
    public void Large_inputs_are_read_in_linear_time()
    {
        string longString = "{\"a\":\"" + new string('x', 2_000_000) + "\\n\"}";
        string manyComments = "{" + string.Concat(Enumerable.Repeat("/**/ ", 200_000)) + "}";
        string manyEntries = "{\"a\":[" + string.Join(",", Enumerable.Range(0, 200_000)) + "]}";

        var watch = Stopwatch.StartNew();

        Assert.Equal(2_000_001, ParseWithoutErrors(longString).Entries[0].Value.Length);
        Assert.Equal(200_000, ParseWithoutErrors(manyComments).Comments.Count);
        Assert.Equal(200_000, ParseWithoutErrors(manyEntries).Entries.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Random_input_never_throws_and_spans_stay_inside_the_text()
    {
        string[] pieces = { "{", "}", "[", "]", ",", ":", "\"", "\"k\"", "\\", "\\u", "D800", "1", "-", ".", "e", "true", "nul", "//", "/*", "*/", " ", "\n", "\r", "\uFEFF", "\u2028", "x" };
        var texts = Gen.Elements(pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20260502UL, 2654435769UL);

        Check.One(config, Prop.ForAll(texts, text =>
        {
            var parsed = Parse(text);
            var spans = parsed.Entries.SelectMany(e => new[] { e.KeySpan, e.ValueSpan }).Concat(parsed.Errors.Select(e => e.Span));
            Assert.All(spans, s => Assert.True(s.Start >= 0 && s.End <= text.Length && s.StartLine >= 1));
        }));
    }

    [Fact]
    public void Parse_accepts_a_null_text()
    {
        Assert.Empty(AppSettingsJsonParser.Parse("appsettings.json", null!).Entries);
    }
}
