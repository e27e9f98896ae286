// Hand-written fast path in front of YamlDotNet, for the plainest YAML only: kustomization files and small manifests
// are mostly block mappings and sequences of one-line plain or simply quoted scalars, and YamlDotNet spent 10-15 µs
// on each such file (a tenth of a 14,000-file scan). This reader produces the very events YamlDotNet's Parser would
// (same types, values, styles and marks), so everything after it is unchanged; on anything beyond that subset (flow
// collections, block scalars, anchors, tags, multi-line scalars, escapes, several documents, tabs, CR, non-ASCII, odd
// indentation, any syntax error) it declines and YamlDotNet reads the file. SimpleBlockYamlTests compares both
// readers event by event on generated documents and on every YAML file of the external corpus.
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ConfigGuard.Core.Parsing;

public static class SimpleBlockYaml
{
    /// <summary>Longest key read here: YamlDotNet refuses implicit keys over 1,024 characters.</summary>
    private const int MaxKeyLength = 1000;

    private enum Kind { Mapping, Sequence }

    private readonly record struct Frame(Kind Kind, int Indent);

    /// <summary>A parser over events read beforehand (the fast path's), for <see cref="YamlTreeLoader"/>.</summary>
    public sealed class EventParser : IParser
    {
        private readonly IReadOnlyList<ParsingEvent> _events;
        private int _next;

        public EventParser(IReadOnlyList<ParsingEvent> events) => _events = events;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next >= _events.Count)
            {
                Current = null;
                return false;
            }
            Current = _events[_next++];
            return true;
        }
    }

    /// <summary>YamlDotNet's events for <paramref name="text"/>, or null when the text is beyond this reader's subset.</summary>
    public static List<ParsingEvent>? TryRead(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c != '\n') || c > '~') return null;
        }
        var reader = new Reader(text);
        return reader.Read() ? reader.Events : null;
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly List<Frame> _stack = new();
        private int _line = 1;
        private int _lineStart;
        // A key whose value is on the lines below (or empty): the index just after its ':' and the key's indent.
        private int _pendingColon = -1;
        private int _pendingIndent;
        private int _pendingLine, _pendingLineStart;

        public Reader(string text) => _text = text;

        public List<ParsingEvent> Events { get; } = new();

        private Mark At(int index) => At(index, _line, _lineStart);

        private Mark At(int index, int line, int lineStart) => new(index, line, index - lineStart + 1);

        public bool Read()
        {
            var text = _text;
            Events.Add(new StreamStart(At(0), At(0)));
            bool document = false;
            int pos = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                int indent = 0;
                while (pos + indent < end && text[pos + indent] == ' ') indent++;
                int content = pos + indent;
                if (content < end && text[content] != '#')
                {
                    if (indent == 0 && (StartsWith(text, pos, "---") || StartsWith(text, pos, "...") || text[pos] == '%')) return false;
                    if (!document)
                    {
                        document = true;
                        Events.Add(new DocumentStart(null, null, true, At(content), At(content)));
                    }
                    if (!Line(indent, content, end)) return false;
                }
                pos = end + 1;
                if (end < text.Length)
                {
                    _line++;
                    _lineStart = pos;
                }
            }
            int last = text.Length;
            if (document)
            {
                if (_pendingColon >= 0) EmptyValue();
                while (_stack.Count > 0) Close(last);
                Events.Add(new DocumentEnd(true, At(last), At(last)));
            }
            Events.Add(new StreamEnd(At(last), At(last)));
            return true;
        }

        private static bool StartsWith(string text, int at, string what) => string.CompareOrdinal(text, at, what, 0, what.Length) == 0;

        private void Close(int at)
        {
            var frame = _stack[_stack.Count - 1];
            _stack.RemoveAt(_stack.Count - 1);
            Events.Add(frame.Kind == Kind.Mapping ? new MappingEnd(At(at), At(at)) : new SequenceEnd(At(at), At(at)));
        }

        private void EmptyValue()
        {
            var mark = At(_pendingColon, _pendingLine, _pendingLineStart);
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, "", ScalarStyle.Plain, true, false, mark, mark));
            _pendingColon = -1;
        }

        /// <summary>One line with content (not blank, not a comment) at <paramref name="indent"/>.</summary>
        private bool Line(int indent, int content, int end)
        {
            bool item = IsItem(content, end);
            if (_pendingColon >= 0)
            {
                if (indent > _pendingIndent)
                {
                    // The key's value is this nested collection.
                    _pendingColon = -1;
                    return item ? OpenSequence(indent, content, indentless: false) && Item(content, end) : OpenMapping(indent, content) && Entry(content, end);
                }
                if (indent == _pendingIndent && item && _stack[_stack.Count - 1].Kind == Kind.Mapping)
                {
                    // A sequence written at its key's indent ("indentless").
                    _pendingColon = -1;
                    return OpenSequence(indent, content, indentless: true) && Item(content, end);
                }
                EmptyValue();
            }
            // Close what this line is outside of. A sequence at its key's indent closes at a line of that indent that
            // is not one of its items.
            while (_stack.Count > 0)
            {
                var top = _stack[_stack.Count - 1];
                if (top.Indent > indent || (top.Indent == indent && top.Kind == Kind.Sequence && !item
                    && _stack.Count >= 2 && _stack[_stack.Count - 2].Indent == indent)) Close(content);
                else break;
            }
            if (_stack.Count == 0)
            {
                // The document's root: once only.
                if (Events.Count > 2) return false;
                return item ? OpenSequence(indent, content, indentless: false) && Item(content, end) : OpenMapping(indent, content) && Entry(content, end);
            }
            var frame = _stack[_stack.Count - 1];
            if (frame.Indent != indent) return false;
            return frame.Kind == Kind.Sequence ? item && Item(content, end) : !item && Entry(content, end);
        }

        private bool IsItem(int content, int end) => _text[content] == '-' && content + 1 < end && _text[content + 1] == ' ';

        private bool OpenSequence(int indent, int dash, bool indentless)
        {
            if (_stack.Count >= YamlTreeLoader.MaxDepth) return false;
            _stack.Add(new Frame(Kind.Sequence, indent));
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, At(dash), At(indentless ? dash + 1 : dash)));
            return true;
        }

        private bool OpenMapping(int indent, int key)
        {
            if (_stack.Count >= YamlTreeLoader.MaxDepth) return false;
            _stack.Add(new Frame(Kind.Mapping, indent));
            Events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, At(key), At(key)));
            return true;
        }

        /// <summary>"- X": X is a scalar or the first entry of a compact mapping (whose indent is X's column).</summary>
        private bool Item(int dash, int end)
        {
            int at = dash + 2;
            while (at < end && _text[at] == ' ') at++;
            if (at >= end || _text[at] == '#') return false; // "-" alone: its value is on the next lines
            if (IsItem(at, end)) return false;
            if (KeyEnd(at, end) >= 0) return OpenMapping(at - _lineStart, at) && Entry(at, end);
            return Value(at, end);
        }

        /// <summary>Where the key at <paramref name="at"/> ends (its ':'), or -1 when the line holds no simple key there.</summary>
        private int KeyEnd(int at, int end)
        {
            if (IsIndicator(_text[at])) return -1;
            for (int i = at; i < end && i - at <= MaxKeyLength; i++)
            {
                char c = _text[i];
                if (c == ':') return i + 1 == end || _text[i + 1] == ' ' ? (i > at ? i : -1) : -1;
                if (c is ' ' or '#' or ',' or '[' or ']' or '{' or '}' or '"' or '\'') return -1;
            }
            return -1;
        }

        private static bool IsIndicator(char c) =>
            c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

        /// <summary>"key: value" or "key:" (its value below) at <paramref name="at"/>.</summary>
        private bool Entry(int at, int end)
        {
            int colon = KeyEnd(at, end);
            if (colon < 0) return false;
            var key = At(at);
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text.Substring(at, colon - at), ScalarStyle.Plain, true, false, key, At(colon), isKey: true));
            int v = colon + 1;
            while (v < end && _text[v] == ' ') v++;
            if (v >= end)
            {
                _pendingColon = colon + 1;
                _pendingIndent = _stack[_stack.Count - 1].Indent;
                _pendingLine = _line;
                _pendingLineStart = _lineStart;
                return true;
            }
            if (_text[v] == '#') return false; // a comment after "key:": left to YamlDotNet
            return Value(v, end);
        }

        /// <summary>A one-line scalar at <paramref name="at"/>: plain, or quoted without escapes, then at most a comment.</summary>
        private bool Value(int at, int end)
        {
            char first = _text[at];
            if (first is '"' or '\'')
            {
                int close = _text.IndexOf(first, at + 1, end - at - 1);
                if (close < 0) return false;
                for (int i = at + 1; i < close; i++)
                {
                    if (_text[i] == '\\') return false;
                }
                int after = close + 1;
                if (after < end && _text[after] != ' ') return false;
                while (after < end && _text[after] == ' ') after++;
                if (after < end && _text[after] != '#') return false;
                Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text.Substring(at + 1, close - at - 1),
                    first == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, false, true, At(at), At(close + 1)));
                return true;
            }
            if (IsIndicator(first)) return false;
            int stop = end;
            for (int i = at; i < end; i++)
            {
                char c = _text[i];
                if (c == '#' && _text[i - 1] == ' ') { stop = i; break; }
                if (c == ':' && (i + 1 == end || _text[i + 1] == ' ')) return false;
            }
            while (stop > at && _text[stop - 1] == ' ') stop--;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text.Substring(at, stop - at), ScalarStyle.Plain, true, false, At(at), At(stop)));
            return true;
        }
    }
}
