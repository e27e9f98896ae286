using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// A YAML node of the kustomize model: a small mutable tree (patches and transformers edit it in place) in which every
/// node remembers the file and the span it was written at, so a value merged from a base or a patch still points home.
/// </summary>
public abstract class YamlTreeNode
{
    protected YamlTreeNode(string path, SourceSpan span)
    {
        Path = path;
        Span = span;
    }

    /// <summary>Repository-relative path of the file the node was written in.</summary>
    public string Path { get; }
    /// <summary>The whole node as written.</summary>
    public SourceSpan Span { get; }

    /// <summary>A deep copy (patches must never alias nodes of another resource).</summary>
    public abstract YamlTreeNode Clone();
}
