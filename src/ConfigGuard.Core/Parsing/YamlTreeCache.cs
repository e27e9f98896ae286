using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// Parsed YAML shared by every build of one scan: a base is read by each overlay that uses it, so each file is parsed
/// once and every build gets its own deep copy (builds mutate their trees: namespaces, names, patches).
/// Scalars are immutable and shared by the copies.
/// </summary>
public sealed class YamlTreeCache
{
    // By path, with the text it was parsed from: a lookup compares the text (the same string instance, as a rule the
    // scan's own, which string.Equals sees first) instead of hashing all of it on every lookup, as a (path, text) key
    // did. A path read with another text is parsed again and not kept.
    private readonly ConcurrentDictionary<string, (string Text, YamlLoadResult Parsed)> _parsed = new(StringComparer.Ordinal);

    public YamlLoadResult Load(string path, string text)
    {
        var master = Peek(path, text);
        var copies = new List<YamlTreeNode>(master.Documents.Count);
        foreach (var d in master.Documents) copies.Add(d.Clone());
        return new YamlLoadResult(copies, master.Errors);
    }

    /// <summary>
    /// The parsed documents themselves, not copies, for a caller that only reads them (a kustomization's kind): they
    /// are shared with every later <see cref="Load"/> and must never be changed.
    /// </summary>
    public YamlLoadResult Peek(string path, string text)
    {
        if (_parsed.TryGetValue(path, out var known))
            return string.Equals(known.Text, text, StringComparison.Ordinal) ? known.Parsed : YamlTreeLoader.Load(path, text, null);
        var parsed = YamlTreeLoader.Load(path, text, null);
        var kept = _parsed.GetOrAdd(path, (text, parsed));
        return string.Equals(kept.Text, text, StringComparison.Ordinal) ? kept.Parsed : parsed;
    }
}
