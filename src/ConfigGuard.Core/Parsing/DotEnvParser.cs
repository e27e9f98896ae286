// ConfigGuard's own .env reader. It follows the NuGet package dotenv.net 4.2.0, read as
// DotEnv.Fluent().WithEnvStreams(s).WithSupportExportSyntax().WithSupportInlineComments().WithoutExceptions().Read()
// (no value trimming, no variable expansion). We cannot call dotenv.net itself: it yields only key/value pairs,
// with no line or column, and ConfigGuard must point at the exact key, value and comment in the file.
// The tests compare this reader with dotenv.net on the shared corpus and on random input.
// The dialect is described in docs/dotenv-dialect.md.
using System;
using System.Collections.Generic;
using System.Text;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// Reads a <c>.env</c> file the way dotenv.net 4.2.0 does (export syntax and inline comments on, values not
/// trimmed, no expansion), keeping the position of every key, value and comment.
/// </summary>
/// <remarks>
/// The entries equal what dotenv.net yields; when a key repeats, every occurrence is listed in file order and the
/// last one is the value dotenv.net keeps. Lines that dotenv.net drops or cannot read are reported as
/// <see cref="ParseError"/>s instead. The reader never throws and runs in time linear in the text's length.
/// Offsets, lines and columns refer to the text as given: a byte order mark, when present, is column 1 of line 1.
/// Like dotenv.net, the lines of a multi-line quoted value are joined with <see cref="Environment.NewLine"/>.
/// </remarks>
public sealed class DotEnvParser
{
    private const string ExportKeyword = "export";
    private const char ByteOrderMark = '\uFEFF';

    private readonly string _text;
    private readonly LineMap _map;
    private readonly List<ConfigEntry> _entries = new List<ConfigEntry>();
    private readonly List<SourceComment> _comments = new List<SourceComment>();
    private readonly List<ParseError> _errors = new List<ParseError>();

    private DotEnvParser(string text)
    {
        _text = text;
        _map = new LineMap(text);
    }

    /// <summary>Parses the text of a <c>.env</c> file. Never throws; problems become <see cref="ParsedFile.Errors"/>.</summary>
    /// <param name="path">Repository-relative path of the file, with <c>/</c> separators.</param>
    /// <param name="text">The file's text; a leading UTF-8 byte order mark is skipped.</param>
    public static ParsedFile Parse(string path, string text)
    {
        var parser = new DotEnvParser(text ?? string.Empty);
        parser.ReadAllRows();
        return new ParsedFile(path, ConfigFormat.DotEnv, parser._entries, parser._comments, parser._errors);
    }

    private void ReadAllRows()
    {
        for (int line = 1; line <= _map.LineCount; line++)
            line = ReadRow(line);
    }

    /// <summary>Reads the row on <paramref name="line"/>; returns the last line it used (a quoted value may span lines).</summary>
    private int ReadRow(int line)
    {
        string row = RowText(line);
        int rowStart = RowStart(line);
        if (string.IsNullOrWhiteSpace(row))
            return line;

        // dotenv.net tests the raw row with the culture-sensitive string.StartsWith("#"), so characters the
        // culture ignores (a NUL, a soft hyphen) may come before the '#'. Using the same call keeps us in step.
        if (row.StartsWith("#", StringComparison.CurrentCulture))
        {
            AddWholeLineComment(row, line);
            return line;
        }

        int equals = row.IndexOf('=');
        if (equals < 0)
        {
            ReadRowWithoutEquals(row, rowStart, line);
            return line;
        }

        string key = ReadKey(row, rowStart, equals, out SourceSpan keySpan);
        if (key.Length == 0)
        {
            AddError("empty key before '=' (dotenv.net ignores this line)", rowStart + equals, 1);
            return line;
        }

        int valueStart = equals + 1;
        int firstNonSpace = SkipWhiteSpace(row, valueStart);
        if (firstNonSpace < row.Length && (row[firstNonSpace] == '"' || row[firstNonSpace] == '\''))
            return ReadQuotedValue(key, keySpan, row, firstNonSpace, line);

        ReadUnquotedValue(key, keySpan, row, rowStart, valueStart, line);
        return line;
    }

    /// <summary>
    /// An indented <c># comment</c> is a comment to the reader (dotenv.net drops it); so is a <c>// comment</c> line
    /// without '=' (teams write them, and every common loader drops them: reporting them as unparseable was noise);
    /// anything else lacks its '='.
    /// </summary>
    private void ReadRowWithoutEquals(string row, int rowStart, int line)
    {
        int first = SkipWhiteSpace(row, 0);
        if (row[first] == '#')
        {
            AddWholeLineComment(row, line);
            return;
        }
        if (first + 1 < row.Length && row[first] == '/' && row[first + 1] == '/')
        {
            _comments.Add(new SourceComment(row.Substring(first + 2).Trim(), line, IsWholeLine: true, Column: first + 1));
            return;
        }
        int end = TrimEndIndex(row, first, row.Length);
        AddError("line has no '=': expected KEY=value (dotenv.net ignores this line)", rowStart + first, end - first);
    }

    /// <summary>
    /// The key is the trimmed text before the first '='. With export syntax on, dotenv.net removes every
    /// "export" from a key that starts with it (culture-sensitive test, ordinal removal) and trims again.
    /// </summary>
    private string ReadKey(string row, int rowStart, int equals, out SourceSpan keySpan)
    {
        int start = SkipWhiteSpace(row, 0);
        int end = TrimEndIndex(row, start, equals);
        string written = row.Substring(start, end - start);
        string key = written;
        if (written.StartsWith(ExportKeyword, StringComparison.CurrentCulture))
            key = written.Replace(ExportKeyword, string.Empty).Trim();

        // The key is normally the tail of what is written ("export KEY"); when an "export" was removed from its
        // middle it is not a substring of the file, and the span covers the whole name as written.
        bool isTail = key.Length > 0 && written.EndsWith(key, StringComparison.Ordinal);
        keySpan = isTail ? Span(rowStart + end - key.Length, key.Length) : Span(rowStart + start, end - start);
        return key;
    }

    /// <summary>An unquoted value runs to the end of the row, cut at the first '#' that follows whitespace.</summary>
    private void ReadUnquotedValue(string key, SourceSpan keySpan, string row, int rowStart, int valueStart, int line)
    {
        int end = row.Length;
        int hash = FindInlineComment(row, valueStart);
        if (hash >= 0)
        {
            end = TrimEndIndex(row, valueStart, hash);
            _comments.Add(new SourceComment(row.Substring(hash + 1).Trim(), line, IsWholeLine: false, Column: hash + 1));
        }
        string value = row.Substring(valueStart, end - valueStart);
        _entries.Add(new ConfigEntry(key, value, keySpan, Span(rowStart + valueStart, value.Length)));
    }

    private static int FindInlineComment(string row, int valueStart)
    {
        for (int i = valueStart + 1; i < row.Length; i++)
        {
            if (row[i] == '#' && char.IsWhiteSpace(row[i - 1]))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// A value whose first non-whitespace character is a quote ends at the first unescaped quote of the same kind,
    /// possibly on a later line (lines are joined with <see cref="Environment.NewLine"/>, as dotenv.net does).
    /// Whatever follows the closing quote on its line is ignored. Returns the line of the closing quote.
    /// </summary>
    /// <remarks>
    /// Linear overall: the lines a value spans are consumed by it. An unterminated value scans to the end of the file
    /// and reading resumes on the next line, but that can happen at most once per quote kind: an opening quote is
    /// never escaped (it follows '=' or whitespace), so no later line can open a value with the quote that was missing.
    /// </remarks>
    private int ReadQuotedValue(string key, SourceSpan keySpan, string row, int quoteIndex, int line)
    {
        char quote = row[quoteIndex];
        int openingQuote = RowStart(line) + quoteIndex;

        var raw = new StringBuilder();
        string segment = row.Substring(quoteIndex + 1);
        int segmentStart = openingQuote + 1;
        for (int current = line; ; current++)
        {
            int close = FindClosingQuote(segment, quote);
            if (close >= 0)
            {
                raw.Append(segment, 0, close);
                var valueSpan = Span(openingQuote + 1, segmentStart + close - (openingQuote + 1));
                _entries.Add(new ConfigEntry(key, Unescape(raw.ToString(), quote), keySpan, valueSpan));
                ReadAfterClosingQuote(key, segment, close + 1, segmentStart, current);
                return current;
            }
            if (current == _map.LineCount)
                return ReportUnterminated(key, quote, openingQuote, line);
            raw.Append(segment).Append(Environment.NewLine);
            segment = RowText(current + 1);
            segmentStart = RowStart(current + 1);
        }
    }

    /// <summary>Index of the first quote in <paramref name="segment"/> preceded by an even number of backslashes, or -1.</summary>
    private static int FindClosingQuote(string segment, char quote)
    {
        for (int i = segment.IndexOf(quote); i >= 0; i = segment.IndexOf(quote, i + 1))
        {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && segment[j] == '\\'; j--)
                backslashes++;
            if (backslashes % 2 == 0)
                return i;
        }
        return -1;
    }

    /// <summary>dotenv.net's only escapes: a backslash before the value's own quote kind, then a doubled backslash.</summary>
    private static string Unescape(string raw, char quote) =>
        raw.Replace("\\" + quote, quote.ToString()).Replace("\\\\", "\\");

    /// <summary>A comment after the closing quote is kept; other text there is reported, since dotenv.net drops it.</summary>
    private void ReadAfterClosingQuote(string key, string segment, int from, int segmentStart, int line)
    {
        int first = SkipWhiteSpace(segment, from);
        if (first == segment.Length)
            return;
        if (segment[first] == '#')
        {
            _comments.Add(new SourceComment(segment.Substring(first + 1).Trim(), line, IsWholeLine: false, Column: first + 1));
            return;
        }
        int end = TrimEndIndex(segment, first, segment.Length);
        AddError($"unexpected text after the closing quote of {SafeEcho.Quote(key)} (dotenv.net ignores it)", segmentStart + first, end - first);
    }

    private int ReportUnterminated(string key, char quote, int openingQuote, int line)
    {
        string kind = quote == '"' ? "double" : "single";
        AddError(
            $"unterminated {kind}-quoted value for {SafeEcho.Quote(key)}: no closing {quote} before the end of the file (dotenv.net fails to read the file)",
            openingQuote, 1);
        return line;
    }

    private void AddWholeLineComment(string row, int line)
    {
        int hash = row.IndexOf('#');
        _comments.Add(new SourceComment(row.Substring(hash + 1).Trim(), line, IsWholeLine: true, Column: hash + 1));
    }

    private void AddError(string message, int start, int length) => _errors.Add(new ParseError(message, Span(start, length)));

    private SourceSpan Span(int start, int length) => _map.Span(start, length);

    /// <summary>Offset of the row's first character; a byte order mark before line 1 is not part of the row.</summary>
    private int RowStart(int line)
    {
        int start = _map.LineStart(line);
        return line == 1 && _text.Length > 0 && _text[0] == ByteOrderMark ? start + 1 : start;
    }

    /// <summary>The row as StreamReader.ReadLine returns it: without its \n, \r\n or \r.</summary>
    private string RowText(int line)
    {
        int start = RowStart(line);
        int end = line < _map.LineCount ? _map.LineStart(line + 1) : _text.Length;
        if (end > start && _text[end - 1] == '\n')
            end--;
        if (end > start && _text[end - 1] == '\r')
            end--;
        return _text.Substring(start, end - start);
    }

    private static int SkipWhiteSpace(string s, int from)
    {
        while (from < s.Length && char.IsWhiteSpace(s[from]))
            from++;
        return from;
    }

    /// <summary>End index of <c>s[start..end)</c> with trailing whitespace removed.</summary>
    private static int TrimEndIndex(string s, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(s[end - 1]))
            end--;
        return end;
    }
}
