using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Parsing;

/// <summary>
/// Where an embedded YAML text (an inline patch in a <c>|</c> block scalar) sits in its file: inner line 1 is
/// <see cref="FirstLine"/> and every inner column is shifted by <see cref="Indent"/>.
/// </summary>
public sealed class YamlTextOrigin
{
    public YamlTextOrigin(LineMap outer, int firstLine, int indent)
    {
        Outer = outer;
        FirstLine = firstLine;
        Indent = indent;
    }

    public LineMap Outer { get; }
    public int FirstLine { get; }
    public int Indent { get; }
}
