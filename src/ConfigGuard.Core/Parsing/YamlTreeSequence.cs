using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>A YAML sequence of the kustomize model.</summary>
public sealed class YamlTreeSequence : YamlTreeNode
{
    public YamlTreeSequence(string path, SourceSpan span) : base(path, span) { }

    public List<YamlTreeNode> Items { get; } = new();

    public override YamlTreeNode Clone()
    {
        var copy = new YamlTreeSequence(Path, Span);
        foreach (var item in Items) copy.Items.Add(item.Clone());
        return copy;
    }
}
