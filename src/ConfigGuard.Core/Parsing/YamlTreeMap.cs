using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>A YAML mapping of the kustomize model: ordered entries with the span of each key.</summary>
public sealed class YamlTreeMap : YamlTreeNode
{
    public YamlTreeMap(string path, SourceSpan span) : base(path, span) { }

    public YamlTreeMapEntries Entries { get; } = new();

    public YamlTreeNode? Get(string key) => GetEntry(key)?.Value;

    public YamlTreeMapEntry? GetEntry(string key)
    {
        int i = Entries.IndexOf(key);
        return i < 0 ? null : Entries[i];
    }

    public YamlTreeMap? GetMap(string key) => Get(key) as YamlTreeMap;
    public YamlTreeSequence? GetSequence(string key) => Get(key) as YamlTreeSequence;
    public YamlTreeScalar? GetScalar(string key) => Get(key) is YamlTreeScalar s && !s.IsNull ? s : null;
    public string? GetString(string key) => GetScalar(key)?.Value;

    public void Set(string key, YamlTreeNode value, SourceSpan keySpan = default)
    {
        int i = Entries.IndexOf(key);
        if (i >= 0) Entries[i] = new YamlTreeMapEntry(key, Entries[i].KeySpan.IsEmpty ? keySpan : Entries[i].KeySpan, value);
        else Entries.Add(new YamlTreeMapEntry(key, keySpan, value));
    }

    public bool Remove(string key) => Entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.Ordinal)) > 0;

    /// <summary>The map under <paramref name="key"/>, created when absent.</summary>
    public YamlTreeMap GetOrAddMap(string key)
    {
        if (Get(key) is YamlTreeMap m) return m;
        var created = new YamlTreeMap(Path, Span);
        Set(key, created);
        return created;
    }

    public override YamlTreeNode Clone()
    {
        var copy = new YamlTreeMap(Path, Span);
        foreach (var e in Entries) copy.Entries.Add(new YamlTreeMapEntry(e.Key, e.KeySpan, e.Value.Clone()));
        return copy;
    }
}
