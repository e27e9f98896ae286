// ConfigGuard's own reader for appsettings*.json. It accepts what ASP.NET Core's JSON configuration provider
// accepts (System.Text.Json with comments skipped and trailing commas allowed) and flattens it the way
// Microsoft.Extensions.Configuration's JsonConfigurationFileParser does. It is written by hand for two reasons:
//  - ConfigGuard.Core also ships inside the analyzer package, which runs in the compiler host on netstandard2.0;
//    it cannot safely bring its own System.Text.Json there, since the host may load a different version.
//  - ConfigGuard needs the exact line and column of every key and value, and the text of every // and /* */
//    comment (for suppressions). JsonDocument keeps neither.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// Reads an <c>appsettings*.json</c> file into flattened configuration entries (<c>Section:Sub:0:Key</c>),
/// keeping the position of every key, value and comment.
/// </summary>
/// <remarks>
/// Values are the strings Microsoft.Extensions.Configuration (.NET 10) stores: strings unescaped, numbers as written,
/// <c>true</c>/<c>false</c> as <c>True</c>/<c>False</c>. It stores <c>null</c> for a JSON <c>null</c> and for an empty
/// object and an empty string for an empty array; a <see cref="ConfigEntry"/> has no null, so all three read as "".
/// A syntax error stops the reader: entries read before it are kept. A repeated key (case-insensitive, after
/// flattening) is reported and both entries are kept in file order, the later one last. The reader never throws and
/// runs in time linear in the text's length (plus the length of the flattened keys it builds). Nesting is limited to
/// <see cref="MaxDepth"/> levels, so recursion stays shallow. Offsets, lines and columns refer to the text as given:
/// a byte order mark, when present, is column 1 of line 1.
/// </remarks>
public sealed class AppSettingsJsonParser
{
    /// <summary>System.Text.Json's default maximum depth, which ASP.NET Core's JSON provider does not change.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Longest configuration key kept whole. Every leaf's key repeats its parents' names, so a file with one huge
    /// parent name and many leaves would need memory of (name length x leaves): 244 KB exhausted 3 GB
    /// (bench/scaling.sh long-parent-key). A longer key keeps its first <see cref="KeptKeyPrefix"/> characters and a
    /// hash of the whole, so keys stay distinct and comparable across files, and each is built once per property.
    /// </summary>
    public const int MaxKeyLength = 1024;
    private const int KeptKeyPrefix = 200;

    private const char ByteOrderMark = '\uFEFF';

    private readonly string _text;
    private readonly LineMap _map;
    private readonly List<ConfigEntry> _entries = new List<ConfigEntry>();
    private readonly List<SourceComment> _comments = new List<SourceComment>();
    private readonly List<ParseError> _errors = new List<ParseError>();
    private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private int _pos;

    private AppSettingsJsonParser(string text)
    {
        _text = text;
        _map = new LineMap(text);
    }

    /// <summary>Parses the text of an appsettings JSON file. Never throws; problems become <see cref="ParsedFile.Errors"/>.</summary>
    /// <param name="path">Repository-relative path of the file, with <c>/</c> separators.</param>
    /// <param name="text">The file's text; a leading UTF-8 byte order mark is skipped.</param>
    /// <returns>
    /// Entries in file order. <see cref="ConfigEntry.KeySpan"/> covers the characters of the property name (the last
    /// key segment) inside its quotes; an array element has no name, so its key span is its own value span.
    /// <see cref="ConfigEntry.ValueSpan"/> covers the value token; for a string, the characters inside the quotes.
    /// </returns>
    public static ParsedFile Parse(string path, string text)
    {
        var parser = new AppSettingsJsonParser(text ?? string.Empty);
        parser.ReadDocument();
        return new ParsedFile(path, ConfigFormat.AppSettingsJson, parser._entries, parser._comments, parser._errors);
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private void ReadDocument()
    {
        if (_text.Length > 0 && _text[0] == ByteOrderMark)
            _pos = 1;
        if (!SkipTrivia())
            return;

        // A file with no JSON value at all (empty, whitespace or comments only) gives no entries and no error.
        // ASP.NET Core itself fails to load such a file ("The input does not contain any JSON tokens"); we treat it
        // as "no settings yet", which is friendlier while a file is being written.
        if (AtEnd)
            return;

        if (Current != '{')
        {
            Fail("the top-level JSON value must be an object: expected '{'");
            return;
        }
        if (!ReadObject(path: null, keySpan: null, depth: 1) || !SkipTrivia())
            return;
        if (!AtEnd)
            Fail("unexpected text after the end of the top-level object: expected end of file");
    }

    /// <summary>Reads an object at '{'. <paramref name="path"/> is null for the top-level object.</summary>
    private bool ReadObject(string? path, SourceSpan? keySpan, int depth)
    {
        int open = _pos++;
        if (!SkipTrivia())
            return false;
        if (TryConsume('}'))
        {
            AddEmptyContainer(path, keySpan, open);
            return true;
        }
        while (true)
        {
            if (!ReadProperty(path, depth) || !SkipTrivia())
                return false;
            if (TryConsume('}'))
                return true;
            if (!TryConsume(','))
                return Fail("expected ',' or '}' after property value");
            if (!SkipTrivia())
                return false;
            if (TryConsume('}'))
                return true;
        }
    }

    private bool ReadProperty(string? path, int depth)
    {
        if (AtEnd || Current != '"')
            return Fail("expected a property name in double quotes or '}'");
        if (!ReadString(out string name, out SourceSpan nameSpan))
            return false;

        // System.Text.Json allows whitespace, but no comment, between a property name and its ':'.
        SkipWhiteSpace();
        if (!TryConsume(':'))
        {
            string hint = !AtEnd && Current == '/' ? " (a comment is not allowed before ':')" : string.Empty;
            return Fail("expected ':' after property name" + hint);
        }
        if (!SkipTrivia())
            return false;
        return ReadValue(Join(path, name), nameSpan, depth);
    }

    private static string Join(string? path, string name)
    {
        var key = path == null ? name : path + ":" + name;
        if (key.Length <= MaxKeyLength) return key;
        ulong hash = 14695981039346656037UL; // FNV-1a over UTF-16 code units
        foreach (char c in key) hash = (hash ^ c) * 1099511628211UL;
        return key.Substring(0, KeptKeyPrefix) + "…" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private bool ReadArray(string path, SourceSpan? keySpan, int depth)
    {
        int open = _pos++;
        if (!SkipTrivia())
            return false;
        if (TryConsume(']'))
        {
            AddEmptyContainer(path, keySpan, open);
            return true;
        }
        for (int index = 0; ; index++)
        {
            if (!ReadValue(Join(path, index.ToString(CultureInfo.InvariantCulture)), keySpan: null, depth) || !SkipTrivia())
                return false;
            if (TryConsume(']'))
                return true;
            if (!TryConsume(','))
                return Fail("expected ',' or ']' after array element");
            if (!SkipTrivia())
                return false;
            if (TryConsume(']'))
                return true;
        }
    }

    /// <summary>Reads the value of <paramref name="key"/>; a null <paramref name="keySpan"/> (array element) means "the value's own span".</summary>
    private bool ReadValue(string key, SourceSpan? keySpan, int depth)
    {
        if (AtEnd)
            return Fail("expected a value");
        char c = Current;
        switch (c)
        {
            case '{':
            case '[':
                if (depth >= MaxDepth)
                    return FailAt(_pos, 1, $"JSON nested deeper than {MaxDepth} levels (System.Text.Json's limit)");
                return c == '{' ? ReadObject(key, keySpan, depth + 1) : ReadArray(key, keySpan, depth + 1);
            case '"':
                if (!ReadString(out string value, out SourceSpan valueSpan))
                    return false;
                AddLeaf(key, value, keySpan, valueSpan);
                return true;
            case 't':
                return ReadLiteral(key, keySpan, "true", bool.TrueString);
            case 'f':
                return ReadLiteral(key, keySpan, "false", bool.FalseString);
            case 'n':
                return ReadLiteral(key, keySpan, "null", string.Empty);
            default:
                if (c == '-' || IsDigit(c))
                    return ReadNumber(key, keySpan);
                return Fail("expected a value");
        }
    }

    private bool ReadLiteral(string key, SourceSpan? keySpan, string literal, string value)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            return FailAt(_pos, 1, $"invalid literal: expected '{literal}'");
        AddLeaf(key, value, keySpan, Span(_pos, literal.Length));
        _pos += literal.Length;
        return true;
    }

    /// <summary>Reads a number with JSON's grammar; the value is the number as written.</summary>
    private bool ReadNumber(string key, SourceSpan? keySpan)
    {
        int start = _pos;
        TryConsume('-');
        if (TryConsume('0'))
        {
            if (!AtEnd && IsDigit(Current))
                return FailAt(start, _pos - start + 1, "invalid number: a leading zero must not be followed by a digit");
        }
        else if (!SkipDigits("invalid number: expected a digit"))
        {
            return false;
        }
        if (TryConsume('.') && !SkipDigits("invalid number: expected a digit after '.'"))
            return false;
        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
                TryConsume('-');
            if (!SkipDigits("invalid number: expected a digit in the exponent"))
                return false;
        }
        AddLeaf(key, _text.Substring(start, _pos - start), keySpan, Span(start, _pos - start));
        return true;
    }

    private bool SkipDigits(string messageIfNone)
    {
        if (AtEnd || !IsDigit(Current))
            return Fail(messageIfNone);
        while (!AtEnd && IsDigit(Current))
            _pos++;
        return true;
    }

    /// <summary>Reads a string at its opening quote; <paramref name="contentSpan"/> covers the characters inside the quotes.</summary>
    private bool ReadString(out string value, out SourceSpan contentSpan)
    {
        value = string.Empty;
        contentSpan = default;
        int openingQuote = _pos++;
        StringBuilder? decoded = null;
        int runStart = _pos;
        while (!AtEnd)
        {
            char c = Current;
            if (c == '"')
            {
                value = decoded == null
                    ? _text.Substring(runStart, _pos - runStart)
                    : decoded.Append(_text, runStart, _pos - runStart).ToString();
                contentSpan = Span(openingQuote + 1, _pos - openingQuote - 1);
                _pos++;
                return true;
            }
            if (c == '\\')
            {
                decoded ??= new StringBuilder();
                decoded.Append(_text, runStart, _pos - runStart);
                if (!ReadEscape(decoded))
                    return false;
                runStart = _pos;
            }
            else if (c < ' ')
            {
                return Fail("control character in a string: it must be escaped");
            }
            else
            {
                _pos++;
            }
        }
        return FailAt(openingQuote, 1, "unterminated string: no closing '\"' before the end of the file");
    }

    /// <summary>Reads one escape sequence at its backslash and appends the character(s) it stands for.</summary>
    private bool ReadEscape(StringBuilder decoded)
    {
        int backslash = _pos++;
        if (AtEnd)
            return FailAt(backslash, 1, "unterminated string: no closing '\"' before the end of the file");
        char c = Current;
        _pos++;
        switch (c)
        {
            case '"': decoded.Append('"'); return true;
            case '\\': decoded.Append('\\'); return true;
            case '/': decoded.Append('/'); return true;
            case 'b': decoded.Append('\b'); return true;
            case 'f': decoded.Append('\f'); return true;
            case 'n': decoded.Append('\n'); return true;
            case 'r': decoded.Append('\r'); return true;
            case 't': decoded.Append('\t'); return true;
            case 'u': return ReadUnicodeEscape(decoded, backslash);
            default: return FailAt(backslash, 2, $"invalid escape sequence '\\{c}' in a string");
        }
    }

    /// <summary>
    /// Reads the four hex digits of <c>\uXXXX</c>, joining a high surrogate with a following <c>\uXXXX</c> low surrogate.
    /// A lone surrogate is valid JSON syntax but ASP.NET Core cannot read it as a string: it is reported and read as U+FFFD.
    /// </summary>
    private bool ReadUnicodeEscape(StringBuilder decoded, int backslash)
    {
        if (!ReadHex4(out char unit))
            return false;
        if (char.IsHighSurrogate(unit) && IsLowSurrogateEscapeAhead(out char low))
        {
            _pos += 6;
            decoded.Append(unit).Append(low);
            return true;
        }
        if (char.IsSurrogate(unit))
        {
            AddError("lone surrogate escape: ASP.NET Core cannot read this string", Span(backslash, _pos - backslash));
            unit = '\uFFFD';
        }
        decoded.Append(unit);
        return true;
    }

    private bool IsLowSurrogateEscapeAhead(out char low)
    {
        low = default;
        return _pos + 6 <= _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u'
            && TryParseHex4(_pos + 2, out low) && char.IsLowSurrogate(low);
    }

    private bool ReadHex4(out char unit)
    {
        if (_pos + 4 <= _text.Length && TryParseHex4(_pos, out unit))
        {
            _pos += 4;
            return true;
        }
        unit = default;
        return FailAt(_pos - 2, 2, "invalid \\u escape: expected four hex digits");
    }

    private bool TryParseHex4(int at, out char unit)
    {
        int code = 0;
        unit = default;
        for (int i = at; i < at + 4; i++)
        {
            int digit = HexValue(_text[i]);
            if (digit < 0)
                return false;
            code = (code << 4) | digit;
        }
        unit = (char)code;
        return true;
    }

    private static int HexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /// <summary>Skips whitespace and comments, recording each comment. False after an error in a comment.</summary>
    private bool SkipTrivia()
    {
        while (true)
        {
            SkipWhiteSpace();
            if (_pos + 1 >= _text.Length || Current != '/')
                return true;
            char next = _text[_pos + 1];
            if (next == '/')
            {
                if (!SkipLineComment())
                    return false;
            }
            else if (next == '*')
            {
                if (!SkipBlockComment())
                    return false;
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>A // comment runs to the next \n or \r. System.Text.Json rejects U+2028 and U+2029 inside it.</summary>
    private bool SkipLineComment()
    {
        int start = _pos;
        _pos += 2;
        while (!AtEnd && Current != '\n' && Current != '\r')
        {
            if (Current == '\u2028' || Current == '\u2029')
                return Fail("line or paragraph separator inside a // comment (System.Text.Json rejects it)");
            _pos++;
        }
        AddComment(start, _text.Substring(start + 2, _pos - start - 2));
        return true;
    }

    private bool SkipBlockComment()
    {
        int start = _pos;
        int close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
            return FailAt(start, 2, "unterminated /* comment: no closing */ before the end of the file");
        AddComment(start, _text.Substring(start + 2, close - start - 2));
        _pos = close + 2;
        return true;
    }

    private void AddComment(int start, string body)
    {
        var (line, column) = _map.GetPosition(start);
        _comments.Add(new SourceComment(body.Trim(), line, OnlyWhiteSpaceBefore(start), column));
    }

    /// <summary>True when nothing but spaces and tabs (or the byte order mark) precedes <paramref name="offset"/> on its line.</summary>
    private bool OnlyWhiteSpaceBefore(int offset)
    {
        int i = offset;
        while (i > 0 && (_text[i - 1] == ' ' || _text[i - 1] == '\t' || _text[i - 1] == ByteOrderMark))
            i--;
        return i == 0 || _text[i - 1] == '\n' || _text[i - 1] == '\r';
    }

    /// <summary>JSON whitespace: space, tab, line feed and carriage return only.</summary>
    private void SkipWhiteSpace()
    {
        while (!AtEnd && (Current == ' ' || Current == '\t' || Current == '\n' || Current == '\r'))
            _pos++;
    }

    private bool TryConsume(char c)
    {
        if (AtEnd || Current != c)
            return false;
        _pos++;
        return true;
    }

    /// <summary>
    /// A leaf value. Microsoft.Extensions.Configuration refuses a leaf whose flattened key (case-insensitive) was
    /// already set, by a leaf or by an empty object or array; the error is reported and the later entry kept.
    /// </summary>
    private void AddLeaf(string key, string value, SourceSpan? keySpan, SourceSpan valueSpan)
    {
        SourceSpan nameSpan = keySpan ?? valueSpan;
        if (!_keys.Add(key))
            AddError($"duplicate key {SafeEcho.Quote(key)} (keys are case-insensitive): ASP.NET Core refuses to load this file", nameSpan);
        _entries.Add(new ConfigEntry(key, value, nameSpan, valueSpan));
    }

    /// <summary>An empty object or array sets its own key (without a duplicate check, as in Microsoft.Extensions.Configuration).</summary>
    private void AddEmptyContainer(string? path, SourceSpan? keySpan, int open)
    {
        if (path == null)
            return;
        SourceSpan containerSpan = Span(open, _pos - open);
        _keys.Add(path);
        _entries.Add(new ConfigEntry(path, string.Empty, keySpan ?? containerSpan, containerSpan));
    }

    /// <summary>Reports a syntax error at the current character, naming what was found there. Always returns false.</summary>
    private bool Fail(string expectation)
    {
        string found = AtEnd ? "end of file" : Describe(Current);
        return FailAt(_pos, AtEnd ? 0 : 1, expectation + ", found " + found);
    }

    private bool FailAt(int start, int length, string message)
    {
        AddError(message, Span(start, length));
        return false;
    }

    private void AddError(string message, SourceSpan span) => _errors.Add(new ParseError(message, span));

    private SourceSpan Span(int start, int length) => _map.Span(start, length);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Describe(char c) =>
        c < ' ' || c == '\u007F' || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == ByteOrderMark
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
}
