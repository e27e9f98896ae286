using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// RFC 6902 JSON patch (add, replace, remove, copy, move, test) over a <see cref="YamlTreeMap"/>, as kustomize v5 applies
/// it (evanphx/json-patch v5 with negative indices), checked against kubectl kustomize v5.5.0: `replace` of a key missing
/// from an existing map sets it; a negative index counts from the end (`add` at -1 appends); a pointer without the
/// leading `/` loses its first segment; `copy` from a missing path adds null; metadata.annotations always exists; `test` is not evaluated (never fails here).
/// Returns an error message (what kubectl would fail on) or null.
/// </summary>
public static class JsonPatch
{
    public static string? Apply(YamlTreeMap root, YamlTreeMap operation)
    {
        var op = operation.GetString("op");
        var path = operation.GetString("path");
        if (op is null || path is null) return "a JSON6902 operation needs 'op' and 'path'";
        var segments = Split(path);
        // kustomize keeps its own bookkeeping annotations on every object while it patches, so metadata.annotations
        // always exists then: `add /metadata/annotations/x` works on an object without annotations (labels do not).
        if (segments.Count > 2 && segments[0] == "metadata" && segments[1] == "annotations" && root.GetMap("metadata") is { } meta && meta.Get("annotations") is null)
            meta.GetOrAddMap("annotations");
        switch (op)
        {
            case "add":
            case "replace":
            {
                var value = operation.Get("value");
                if (value is null) return $"{SafeEcho.Quote(op)} at {SafeEcho.Quote(path)} needs a 'value'";
                return Put(root, segments, value.Clone(), op == "add") ? null : $"path {SafeEcho.Quote(path)} does not exist";
            }
            case "remove":
                return Take(root, segments) is not null ? null : $"path {SafeEcho.Quote(path)} does not exist";
            case "copy":
            case "move":
            {
                var from = operation.GetString("from");
                if (from is null) return $"{SafeEcho.Quote(op)} needs a 'from'";
                var fromSegments = Split(from);
                var node = op == "move" ? Take(root, fromSegments) : Get(root, fromSegments)?.Clone() ?? Null(operation);
                if (node is null) return $"path {SafeEcho.Quote(from)} does not exist";
                return Put(root, segments, node, true) ? null : $"path {SafeEcho.Quote(path)} does not exist";
            }
            case "test":
                return null;
            default:
                return $"unknown JSON6902 op {SafeEcho.Quote(op)}";
        }
    }

    private static YamlTreeScalar Null(YamlTreeMap at) => new(at.Path, at.Span, "", at.Span, isNull: true);

    /// <summary>The segments of a pointer; like json-patch, whatever comes before the first `/` is dropped (so `a/b` is `/b`).</summary>
    private static List<string> Split(string pointer)
    {
        var list = new List<string>();
        if (pointer.Length == 0) return list;
        var parts = pointer.Split('/');
        for (int i = 1; i < parts.Length; i++) list.Add(parts[i].Replace("~1", "/").Replace("~0", "~"));
        return list;
    }

    /// <summary>An index into a sequence of <paramref name="count"/> items; negative counts from the end. <paramref name="insert"/> allows one past the end.</summary>
    private static int? Index(string segment, int count, bool insert)
    {
        if (!int.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return null;
        int limit = insert ? count + 1 : count;
        if (i < 0) i += limit;
        return i >= 0 && i < limit ? i : null;
    }

    private static YamlTreeNode? Get(YamlTreeNode node, List<string> segments)
    {
        var current = node;
        foreach (var s in segments)
        {
            current = current switch
            {
                YamlTreeMap m => m.Get(s),
                YamlTreeSequence q when Index(s, q.Items.Count, false) is { } i => q.Items[i],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    private static bool Put(YamlTreeMap root, List<string> segments, YamlTreeNode value, bool insert)
    {
        if (segments.Count == 0) return false;
        var parent = Get(root, segments.GetRange(0, segments.Count - 1));
        var last = segments[segments.Count - 1];
        switch (parent)
        {
            case YamlTreeMap m:
                m.Set(last, value);
                return true;
            case YamlTreeSequence q:
                if (last == "-" && insert) { q.Items.Add(value); return true; }
                if (Index(last, q.Items.Count, insert) is not { } i) return false;
                if (insert) q.Items.Insert(i, value);
                else q.Items[i] = value;
                return true;
            default:
                return false;
        }
    }

    private static YamlTreeNode? Take(YamlTreeMap root, List<string> segments)
    {
        if (segments.Count == 0) return null;
        var parent = Get(root, segments.GetRange(0, segments.Count - 1));
        var last = segments[segments.Count - 1];
        switch (parent)
        {
            case YamlTreeMap m:
            {
                var v = m.Get(last);
                if (v is not null) m.Remove(last);
                return v;
            }
            case YamlTreeSequence q when Index(last, q.Items.Count, false) is { } i:
            {
                var v = q.Items[i];
                q.Items.RemoveAt(i);
                return v;
            }
            default:
                return null;
        }
    }
}
