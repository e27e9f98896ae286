using System;
using System.Collections;
using System.Collections.Generic;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// The ordered entries of a <see cref="YamlTreeMap"/> with an index by key, so that looking a key up (every YAML key
/// while loading, to report duplicates; every patch and generator merge) costs O(1) instead of a scan: a ConfigMap
/// with 99,000 keys took 84 s when each insert scanned the ones before it (bench/scaling.sh configmap-keys).
/// </summary>
public sealed class YamlTreeMapEntries : IReadOnlyList<YamlTreeMapEntry>
{
    private const int IndexFrom = 8;
    private readonly List<YamlTreeMapEntry> _items = new();
    private Dictionary<string, int>? _index;

    public int Count => _items.Count;

    /// <summary>Lets `map?.Entries ?? new List&lt;YamlTreeMapEntry&gt;()` keep compiling (Entries was a List before).</summary>
    public static implicit operator YamlTreeMapEntries(List<YamlTreeMapEntry> list)
    {
        var entries = new YamlTreeMapEntries();
        foreach (var e in list) entries.Add(e);
        return entries;
    }

    public YamlTreeMapEntry this[int i]
    {
        get => _items[i];
        set
        {
            if (!string.Equals(_items[i].Key, value.Key, StringComparison.Ordinal)) _index = null;
            _items[i] = value;
        }
    }

    public void Add(YamlTreeMapEntry entry)
    {
        _items.Add(entry);
        if (_index is not null && !_index.ContainsKey(entry.Key)) _index[entry.Key] = _items.Count - 1;
    }

    public void Clear()
    {
        _items.Clear();
        _index = null;
    }

    public int RemoveAll(Predicate<YamlTreeMapEntry> match)
    {
        int n = _items.RemoveAll(match);
        if (n > 0) _index = null;
        return n;
    }

    /// <summary>Position of the first entry with this key, or -1.</summary>
    public int IndexOf(string key)
    {
        if (_items.Count < IndexFrom)
        {
            for (int i = 0; i < _items.Count; i++) if (string.Equals(_items[i].Key, key, StringComparison.Ordinal)) return i;
            return -1;
        }
        // Built whole, then published: a parsed tree that YamlTreeCache shares is read by several threads at once.
        var index = _index;
        if (index is null)
        {
            index = new Dictionary<string, int>(_items.Count, StringComparer.Ordinal);
            for (int i = 0; i < _items.Count; i++) if (!index.ContainsKey(_items[i].Key)) index[_items[i].Key] = i;
            _index = index;
        }
        return index.TryGetValue(key, out var at) ? at : -1;
    }

    public List<YamlTreeMapEntry>.Enumerator GetEnumerator() => _items.GetEnumerator();
    IEnumerator<YamlTreeMapEntry> IEnumerable<YamlTreeMapEntry>.GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
