using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Kustomize;

/// <summary>RFC 6902 JSON patch (add, replace, remove, copy, move, test) over a <see cref="YamlTreeMap"/>; returns an error message or null.</summary>
public static class JsonPatch
{
    public static string? Apply(YamlTreeMap root, YamlTreeMap operation)
    {
        var op = operation.GetString("op");
        var path = operation.GetString("path");
        if (op is null || path is null) return "a JSON6902 operation needs 'op' and 'path'";
        var segments = Split(path);
        if (segments is null) return $"invalid JSON pointer {SafeEcho.Quote(path)}";
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
                var fromSegments = from is null ? null : Split(from);
                if (fromSegments is null) return $"{SafeEcho.Quote(op)} needs a valid 'from'";
                var node = op == "move" ? Take(root, fromSegments) : Get(root, fromSegments)?.Clone();
                if (node is null) return $"path {SafeEcho.Quote(from)} does not exist";
                return Put(root, segments, node, true) ? null : $"path {SafeEcho.Quote(path)} does not exist";
            }
            case "test":
                return null;
            default:
                return $"unknown JSON6902 op {SafeEcho.Quote(op)}";
        }
    }

    private static List<string>? Split(string pointer)
    {
        if (pointer.Length == 0) return new List<string>();
        if (pointer[0] != '/') return null;
        var list = new List<string>();
        foreach (var s in pointer.Substring(1).Split('/')) list.Add(s.Replace("~1", "/").Replace("~0", "~"));
        return list;
    }

    private static YamlTreeNode? Get(YamlTreeNode node, List<string> segments)
    {
        var current = node;
        foreach (var s in segments)
        {
            current = current switch
            {
                YamlTreeMap m => m.Get(s),
                YamlTreeSequence q when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < q.Items.Count => q.Items[i],
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
                if (!insert && m.Get(last) is null) return false;
                m.Set(last, value);
                return true;
            case YamlTreeSequence q:
                if (last == "-" && insert) { q.Items.Add(value); return true; }
                if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) return false;
                if (insert && i <= q.Items.Count) { q.Items.Insert(i, value); return true; }
                if (!insert && i < q.Items.Count) { q.Items[i] = value; return true; }
                return false;
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
            case YamlTreeSequence q when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < q.Items.Count:
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
