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
    private readonly ConcurrentDictionary<(string Path, string Text), YamlLoadResult> _parsed = new();

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
    public YamlLoadResult Peek(string path, string text) => _parsed.GetOrAdd((path, text), key => YamlTreeLoader.Load(key.Path, key.Text, null));
}
