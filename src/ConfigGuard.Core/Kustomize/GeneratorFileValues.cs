using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// The values inside a file a generator takes whole (`configMapGenerator`/`secretGenerator` `files:`), for analysis:
/// kustomize stores the file as one data value, but a finding must point at the value's own line, and a comment is
/// not a value. JSON and YAML files give their leaves (keys `a:b` / `a.b`); any other text gives one value per line,
/// `key=value` or `key: value` split at the separator, comment lines (`#`, `;`, `!`, `//`, `--`) and blank lines
/// skipped. A PEM block stays one value (a key or certificate is one secret, not lines), and so does a markup file
/// (its first line that is not blank or a comment opens with `<`: HTML pages, XML, fluentd and Apache configs), whose
/// tags (`<match **>`, `</source>`) are structure, not values. Written here rather than
/// taken from a library: it only has to find values and their positions, not to be any one format's full reader.
/// </summary>
public static class GeneratorFileValues
{
    public static List<ConfigEntry> Read(string path, string text, string dataKey)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1).ToLowerInvariant();
        if (text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0 || IsMarkup(text)) return Whole(path, text, dataKey);
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            var parsed = AppSettingsJsonParser.Parse(path, text);
            if (parsed.Errors.Count == 0) return Retarget(parsed.Entries, path);
        }
        else if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
        {
            var loaded = YamlTreeLoader.Load(path, text);
            if (loaded.Errors.Count == 0)
            {
                var list = new List<ConfigEntry>();
                foreach (var doc in loaded.Documents) Leaves(doc, "", list);
                return list;
            }
        }
        return Lines(path, text, dataKey);
    }

    private static List<ConfigEntry> Whole(string path, string text, string dataKey) =>
        new() { new ConfigEntry(dataKey, text, default, new LineMap(text).Span(0, text.Length), path) };

    private static List<ConfigEntry> Retarget(IReadOnlyList<ConfigEntry> entries, string path)
    {
        var list = new List<ConfigEntry>(entries.Count);
        foreach (var e in entries) list.Add(new ConfigEntry(e.Key, e.Value, e.KeySpan, e.ValueSpan, path));
        return list;
    }

    private static void Leaves(YamlTreeNode node, string prefix, List<ConfigEntry> list)
    {
        switch (node)
        {
            case YamlTreeScalar s when !s.IsNull:
                list.Add(new ConfigEntry(prefix.Length == 0 ? "value" : prefix, s.Value, default, s.ValueSpan, s.Path));
                break;
            case YamlTreeMap m:
                foreach (var e in m.Entries) Leaves(e.Value, prefix.Length == 0 ? e.Key : prefix + "." + e.Key, list);
                break;
            case YamlTreeSequence q:
                for (int i = 0; i < q.Items.Count; i++) Leaves(q.Items[i], prefix + "." + i, list);
                break;
        }
    }

    private static List<ConfigEntry> Lines(string path, string text, string dataKey)
    {
        var list = new List<ConfigEntry>();
        var map = new LineMap(text);
        int offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (offset <= text.Length)
        {
            int nl = text.IndexOf('\n', offset);
            int end = nl < 0 ? text.Length : nl;
            if (end > offset && text[end - 1] == '\r') end--;
            int start = offset;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            int stop = end;
            while (stop > start && char.IsWhiteSpace(text[stop - 1])) stop--;
            if (stop > start && !IsComment(text, start) && !(text[start] == '[' && text[stop - 1] == ']'))
            {
                if (text.Length - start > 7 && string.CompareOrdinal(text, start, "export ", 0, 7) == 0) start += 7;
                int sep = Separator(text, start, stop);
                if (sep < 0) list.Add(new ConfigEntry(dataKey, text.Substring(start, stop - start), default, map.Span(start, stop - start), path));
                else
                {
                    int kEnd = sep;
                    while (kEnd > start && char.IsWhiteSpace(text[kEnd - 1])) kEnd--;
                    int vStart = sep + 1;
                    while (vStart < stop && char.IsWhiteSpace(text[vStart])) vStart++;
                    int vEnd = stop;
                    if (vEnd - vStart >= 2 && (text[vStart] == '"' || text[vStart] == '\'') && text[vEnd - 1] == text[vStart]) { vStart++; vEnd--; }
                    list.Add(new ConfigEntry(text.Substring(start, kEnd - start), text.Substring(vStart, vEnd - vStart),
                        map.Span(start, kEnd - start), map.Span(vStart, vEnd - vStart), path));
                }
            }
            if (nl < 0) break;
            offset = nl + 1;
        }
        return list;
    }

    private static bool IsMarkup(string text)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            int nl = text.IndexOf('\n', offset);
            int end = nl < 0 ? text.Length : nl;
            int start = offset;
            while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
            if (start < end && !IsComment(text, start)) return text[start] == '<';
            if (nl < 0) break;
            offset = nl + 1;
        }
        return false;
    }

    private static bool IsComment(string text, int i) =>
        text[i] is '#' or ';' or '!'
        || (i + 1 < text.Length && ((text[i] == '/' && text[i + 1] == '/') || (text[i] == '-' && text[i + 1] == '-')));

    /// <summary>The `=` or `:` after a key-like run (letters, digits, `_.-`), or -1; a `:` must be followed by a space or the end (not `https://`).</summary>
    private static int Separator(string text, int start, int stop)
    {
        int i = start;
        while (i < stop && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' or '[' or ']')) i++;
        if (i == start) return -1;
        int key = i;
        while (i < stop && text[i] is ' ' or '\t') i++;
        if (i >= stop) return -1;
        if (text[i] == '=') return i;
        if (text[i] == ':' && i == key && (i + 1 >= stop || text[i + 1] is ' ' or '\t')) return i;
        return -1;
    }
}
