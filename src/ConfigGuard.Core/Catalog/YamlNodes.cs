using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Small helpers over YamlDotNet's representation model. The rule pack and configguard.yaml are read
/// node by node (not with the reflection-based deserializer) so that start-up stays cheap and every
/// error in a user's file can name its line.
/// </summary>
public static class YamlNodes
{
    public static YamlMappingNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet 16.3 throws these on some malformed input instead of a YamlException: name the place where
            // the file stops being readable, as a YamlException would, not the exception's type.
            throw WhereReadingStops(text);
        }
        if (stream.Documents.Count == 0) return null;
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new YamlFormatException(stream.Documents[0].RootNode, "the top level must be a mapping (key: value)");
    }

    /// <summary>
    /// Replays the text through the event parser: the parser's own error when it has one, else the end of the last
    /// event it read (an unterminated `[` or `{` usually runs to the end of the file, so that is where it shows).
    /// </summary>
    private static YamlFormatException WhereReadingStops(string text)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            int events = 0;
            while (parser.MoveNext() && ++events < 1_000_000)
            {
                if (parser.Current is { } ev) last = ev.Start;
            }
        }
        catch (YamlException ye)
        {
            return new YamlFormatException((int)ye.Start.Line, (int)ye.Start.Column, "invalid YAML: " + ye.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
        }
        return new YamlFormatException(Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column),
            "invalid YAML from here on (a '[' or '{' left open, or a line the YAML reader cannot place)");
    }

    public static YamlNode? Get(this YamlMappingNode map, string key)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal)) return pair.Value;
        }
        return null;
    }

    public static string? GetString(this YamlMappingNode map, string key) => map.Get(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw new YamlFormatException(other, $"'{key}' must be a single value"),
    };

    public static bool GetBool(this YamlMappingNode map, string key) =>
        string.Equals(map.GetString(key), "true", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> GetStrings(this YamlMappingNode map, string key) => ToStrings(map.Get(key), key);

    public static IReadOnlyList<string> ToStrings(YamlNode? node, string what)
    {
        switch (node)
        {
            case null: return Array.Empty<string>();
            case YamlScalarNode s: return s.Value is null or "" ? Array.Empty<string>() : new[] { s.Value };
            case YamlSequenceNode seq:
                var list = new List<string>(seq.Children.Count);
                foreach (var item in seq.Children)
                {
                    if (item is not YamlScalarNode sc) throw new YamlFormatException(item, $"items of '{what}' must be plain values");
                    if (sc.Value is { Length: > 0 } v) list.Add(v);
                }
                return list;
            default: throw new YamlFormatException(node, $"'{what}' must be a list of values");
        }
    }

    public static IEnumerable<YamlMappingNode> GetMappings(this YamlMappingNode map, string key)
    {
        var node = map.Get(key);
        if (node is null) yield break;
        if (node is not YamlSequenceNode seq) throw new YamlFormatException(node, $"'{key}' must be a list");
        foreach (var item in seq.Children)
        {
            yield return item as YamlMappingNode ?? throw new YamlFormatException(item, $"items of '{key}' must be mappings");
        }
    }
}

/// <summary>A structural error in a YAML file we read, with the node's 1-based line and column.</summary>
public sealed class YamlFormatException : Exception
{
    public YamlFormatException(YamlNode node, string message) : this((int)node.Start.Line, (int)node.Start.Column, message) { }

    public YamlFormatException(int line, int column, string message) : base(message)
    {
        Line = line;
        Column = column;
        Errors = new[] { this };
    }

    public int Line { get; }
    public int Column { get; }

    /// <summary>Every problem found in the file, in file order; this exception (the first) alone when only one was.</summary>
    public IReadOnlyList<YamlFormatException> Errors { get; private set; } = Array.Empty<YamlFormatException>();

    /// <summary>One exception for several problems: it reads as the first and carries all of them in <see cref="Errors"/>.</summary>
    public static YamlFormatException Several(IReadOnlyList<YamlFormatException> errors)
    {
        if (errors.Count == 1) return errors[0];
        var ordered = new List<YamlFormatException>(errors);
        ordered.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var first = ordered[0];
        return new YamlFormatException(first.Line, first.Column, first.Message) { Errors = ordered };
    }

    public static YamlFormatException From(YamlException e) =>
        new((int)e.Start.Line, (int)e.Start.Column, e.InnerException?.Message ?? e.Message);
}
