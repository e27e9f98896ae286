using System;
using System.Collections.Generic;
using System.IO;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// Builds <see cref="YamlTreeNode"/> trees straight from YamlDotNet's event stream, iteratively (no recursion, so
/// 10,000 nested brackets cannot overflow the stack), with hard limits: nesting depth, and the number of nodes after
/// alias expansion (a "billion laughs" document stops at the limit instead of eating memory). Any problem becomes a
/// <see cref="ParseError"/> with its location and the stream yields no documents.
/// </summary>
public static class YamlTreeLoader
{
    public const int MaxDepth = 64;
    /// <summary>How the error for a key written twice in one mapping starts.</summary>
    public const string DuplicateKeyMessage = "duplicate key";
    public const int MaxNodes = 200_000;

    private sealed class Frame
    {
        public Frame(YamlTreeNode node, string? anchor, int startCount)
        {
            Node = node;
            Anchor = anchor;
            StartCount = startCount;
        }

        public YamlTreeNode Node { get; }
        public string? Anchor { get; }
        public int StartCount { get; }
        public YamlTreeScalar? PendingKey { get; set; }
        public bool ExpectingKey { get; set; } = true;
    }

    /// <summary>At most this many continuation lines are re-indented (see <see cref="Load"/>).</summary>
    public const int MaxIndentRepairs = 200;

    public static YamlLoadResult Load(string path, string text, YamlTextOrigin? origin = null)
    {
        var result = LoadOnce(path, text, origin, out var badIndent);
        // kustomize's YAML reader (Go) accepts a continuation line of a multi-line quoted scalar indented no deeper than
        // its key; YamlDotNet refuses it. Leading spaces of a continuation line are folded away, so indenting that line
        // changes no value: do it and read again (line numbers stay; columns move on the repaired lines only).
        var repaired = text;
        for (int i = 0; i < MaxIndentRepairs && badIndent is { } at && IndentContinuation(repaired, at) is { } next; i++)
        {
            repaired = next;
            var retry = LoadOnce(path, repaired, origin, out badIndent);
            if (retry.Errors.Count == 0) return retry;
        }
        return result;
    }

    /// <summary>
    /// The text with every continuation line of the quoted scalar that starts at <paramref name="quote"/> indented two
    /// spaces deeper than the line the scalar starts on, or null when there is no closed quoted scalar there.
    /// </summary>
    private static string? IndentContinuation(string text, int quote)
    {
        if (quote >= text.Length || (text[quote] != '"' && text[quote] != '\'')) return null;
        char q = text[quote];
        int close = quote + 1;
        while (close < text.Length)
        {
            char c = text[close];
            if (q == '"' && c == '\\') { close += 2; continue; }
            if (c == q)
            {
                if (q == '\'' && close + 1 < text.Length && text[close + 1] == '\'') { close += 2; continue; }
                break;
            }
            close++;
        }
        if (close >= text.Length) return null;
        int lineStart = quote == 0 ? 0 : text.LastIndexOf('\n', quote - 1) + 1;
        int keyIndent = 0;
        while (lineStart + keyIndent < text.Length && text[lineStart + keyIndent] == ' ') keyIndent++;
        var sb = new System.Text.StringBuilder(text.Length + 64);
        int pos = 0;
        for (int nl = text.IndexOf('\n', quote); nl >= 0 && nl < close; nl = text.IndexOf('\n', nl + 1))
        {
            sb.Append(text, pos, nl + 1 - pos);
            pos = nl + 1;
            int indent = 0;
            while (pos + indent < text.Length && text[pos + indent] == ' ') indent++;
            if (indent <= keyIndent) sb.Append(' ', keyIndent - indent + 2);
        }
        if (pos == 0) return null;
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    private static YamlLoadResult LoadOnce(string path, string text, YamlTextOrigin? origin, out int? badQuotedIndent)
    {
        badQuotedIndent = null;
        var map = new LineMap(text);
        var docs = new List<YamlTreeNode>();
        var errors = new List<ParseError>();
        var anchors = new Dictionary<string, (YamlTreeNode Node, int Size)>(StringComparer.Ordinal);
        var stack = new List<Frame>();
        YamlTreeNode? docRoot = null;
        int count = 0;

        SourceSpan SpanOf(int start, int end)
        {
            start = Math.Max(0, Math.Min(start, text.Length));
            end = Math.Max(start, Math.Min(end, text.Length));
            if (origin is null) return map.Span(start, end - start);
            var (l1, c1) = map.GetPosition(start);
            var (l2, c2) = map.GetPosition(end);
            return Outer(origin, l1, c1, l2, c2);
        }

        // One delegate for the whole document (a local function passed as a delegate is a new object at every call).
        Func<int, int, SourceSpan> spanOf = SpanOf;

        void Fail(string message, Mark at)
        {
            errors.Add(new ParseError(message, SpanOf((int)at.Index, (int)at.Index)));
        }

        var last = Mark.Empty;
        try
        {
            // The plainest YAML (most kustomizations) is read by the fast path, which yields YamlDotNet's own events.
            IParser parser = SimpleBlockYaml.TryRead(text) is { } events ? new SimpleBlockYaml.EventParser(events) : new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                last = ev.End;
                switch (ev)
                {
                    case DocumentStart:
                        docRoot = null;
                        anchors.Clear();
                        break;
                    case DocumentEnd:
                        if (docRoot is not null) docs.Add(docRoot);
                        docRoot = null;
                        break;
                    case Scalar s:
                    {
                        if (++count > MaxNodes) { Fail($"YAML expands to more than {MaxNodes:N0} nodes (an alias bomb?); not analyzed", s.Start); return Failed(errors); }
                        var node = MakeScalar(path, text, s, spanOf);
                        if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = (node, 1);
                        if (!Attach(stack, node, ref docRoot, s.Start, errors, spanOf)) return Failed(errors);
                        break;
                    }
                    case AnchorAlias a:
                    {
                        if (!anchors.TryGetValue(a.Value.Value, out var target)) { Fail($"unknown YAML alias '*{a.Value.Value}'", a.Start); return Failed(errors); }
                        count += target.Size;
                        if (count > MaxNodes) { Fail($"YAML aliases expand to more than {MaxNodes:N0} nodes (an alias bomb?); not analyzed", a.Start); return Failed(errors); }
                        if (!Attach(stack, target.Node.Clone(), ref docRoot, a.Start, errors, spanOf)) return Failed(errors);
                        break;
                    }
                    case SequenceStart ss:
                    {
                        if (++count > MaxNodes) { Fail($"YAML expands to more than {MaxNodes:N0} nodes; not analyzed", ss.Start); return Failed(errors); }
                        if (stack.Count >= MaxDepth) { Fail($"YAML nested deeper than {MaxDepth} levels; not analyzed", ss.Start); return Failed(errors); }
                        var node = new YamlTreeSequence(path, SpanOf((int)ss.Start.Index, (int)ss.End.Index));
                        if (!Attach(stack, node, ref docRoot, ss.Start, errors, spanOf)) return Failed(errors);
                        stack.Add(new Frame(node, ss.Anchor.IsEmpty ? null : ss.Anchor.Value, count));
                        break;
                    }
                    case MappingStart ms:
                    {
                        if (++count > MaxNodes) { Fail($"YAML expands to more than {MaxNodes:N0} nodes; not analyzed", ms.Start); return Failed(errors); }
                        if (stack.Count >= MaxDepth) { Fail($"YAML nested deeper than {MaxDepth} levels; not analyzed", ms.Start); return Failed(errors); }
                        var node = new YamlTreeMap(path, SpanOf((int)ms.Start.Index, (int)ms.End.Index));
                        if (!Attach(stack, node, ref docRoot, ms.Start, errors, spanOf)) return Failed(errors);
                        stack.Add(new Frame(node, ms.Anchor.IsEmpty ? null : ms.Anchor.Value, count));
                        break;
                    }
                    case SequenceEnd:
                    case MappingEnd:
                    {
                        var frame = stack[stack.Count - 1];
                        stack.RemoveAt(stack.Count - 1);
                        if (frame.Anchor is not null) anchors[frame.Anchor] = (frame.Node, count - frame.StartCount + 1);
                        break;
                    }
                }
            }
        }
        catch (YamlException e)
        {
            var message = e.InnerException is not null && e.Message.Length < 8 ? e.InnerException.Message : e.Message;
            if (message.IndexOf("quoted scalar, found wrong indentation", StringComparison.Ordinal) >= 0) badQuotedIndent = (int)e.Start.Index;
            errors.Add(new ParseError("invalid YAML: " + Clean(message), SpanOf((int)e.Start.Index, (int)e.Start.Index)));
            return Failed(errors);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet 16.3 throws these (not YamlException) on some malformed input, e.g. an unterminated flow
            // mapping around a plain scalar: the file is unreadable there, not ConfigGuard broken.
            errors.Add(new ParseError("invalid YAML after this point (the YAML reader failed: " + e.GetType().Name + ")", SpanOf((int)last.Index, (int)last.Index)));
            return Failed(errors);
        }
        return new YamlLoadResult(docs, errors);
    }

    private static YamlLoadResult Failed(List<ParseError> errors) => new(Array.Empty<YamlTreeNode>(), errors);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the finding carries the location already.
    private static string Clean(string message)
    {
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && i > 0 ? message.Substring(i + 3) : message;
    }

    private static SourceSpan Outer(YamlTextOrigin o, int l1, int c1, int l2, int c2)
    {
        int ol1 = o.FirstLine + l1 - 1, ol2 = o.FirstLine + l2 - 1;
        if (ol1 > o.Outer.LineCount || ol2 > o.Outer.LineCount) return new SourceSpan(0, 0, ol1, c1 + o.Indent, ol2, c2 + o.Indent);
        int s = o.Outer.LineStart(ol1) + c1 - 1 + o.Indent, e = o.Outer.LineStart(ol2) + c2 - 1 + o.Indent;
        return new SourceSpan(s, Math.Max(0, e - s), ol1, c1 + o.Indent, ol2, c2 + o.Indent);
    }

    private static YamlTreeScalar MakeScalar(string path, string text, Scalar s, Func<int, int, SourceSpan> spanOf)
    {
        int start = (int)s.Start.Index, end = (int)s.End.Index;
        var whole = spanOf(start, end);
        int contentStart = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? start + 1 : start;
        var valueSpan = whole;
        if (s.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
            && contentStart + s.Value.Length <= text.Length
            && string.CompareOrdinal(text, contentStart, s.Value, 0, s.Value.Length) == 0)
        {
            valueSpan = spanOf(contentStart, contentStart + s.Value.Length);
        }
        bool isNull = s.Style == ScalarStyle.Plain && s.Tag.IsEmpty
            && (s.Value.Length == 0 || s.Value == "~" || s.Value == "null" || s.Value == "Null" || s.Value == "NULL");
        return new YamlTreeScalar(path, whole, s.Value, valueSpan, isNull, isPlain: s.Style == ScalarStyle.Plain && s.Tag.IsEmpty);
    }

    private static bool Attach(List<Frame> stack, YamlTreeNode node, ref YamlTreeNode? docRoot, Mark at, List<ParseError> errors, Func<int, int, SourceSpan> spanOf)
    {
        if (stack.Count == 0)
        {
            docRoot = node;
            return true;
        }
        var frame = stack[stack.Count - 1];
        if (frame.Node is YamlTreeSequence seq)
        {
            seq.Items.Add(node);
            return true;
        }
        var map = (YamlTreeMap)frame.Node;
        if (frame.ExpectingKey)
        {
            frame.PendingKey = node as YamlTreeScalar
                ?? new YamlTreeScalar(node.Path, node.Span, "", node.Span); // complex keys are not used by kustomize
            frame.ExpectingKey = false;
            return true;
        }
        var key = frame.PendingKey!;
        frame.ExpectingKey = true;
        if (map.GetEntry(key.Value) is not null)
        {
            // The later one is kept, as kustomize does in a kustomization (where it is no error; see KustomizeBuilder);
            // in a manifest kubectl refuses the duplicate.
            errors.Add(new ParseError(DuplicateKeyMessage + $" {SafeEcho.Quote(key.Value)} in a YAML mapping (kubectl refuses it in a manifest)", key.Span));
            map.Remove(key.Value);
        }
        map.Entries.Add(new YamlTreeMapEntry(key.Value, key.ValueSpan, node));
        return true;
    }
}
