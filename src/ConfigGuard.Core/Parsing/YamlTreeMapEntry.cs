using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>One key of a <see cref="YamlTreeMap"/>, with where the key is written.</summary>
public sealed class YamlTreeMapEntry
{
    public YamlTreeMapEntry(string key, SourceSpan keySpan, YamlTreeNode value)
    {
        Key = key;
        KeySpan = keySpan;
        Value = value;
    }

    public string Key { get; }
    public SourceSpan KeySpan { get; }
    public YamlTreeNode Value { get; }
}
