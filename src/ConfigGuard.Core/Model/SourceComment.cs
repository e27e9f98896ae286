namespace ConfigGuard.Core.Model;

/// <summary>A comment in a config file (text without the `#` or `//` marker), kept for inline suppressions.</summary>
/// <param name="Text">The comment's text.</param>
/// <param name="Line">1-based line the comment is on.</param>
/// <param name="IsWholeLine">True when the comment is the only thing on its line (then it applies to the next line too).</param>
/// <param name="Column">1-based column of the comment marker (`#` or `//`), so a note about the comment can be clicked.</param>
public sealed record SourceComment(string Text, int Line, bool IsWholeLine, int Column = 1)
{
    public int Column { get; init; } = Column < 1 ? 1 : Column;
}
