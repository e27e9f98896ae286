namespace ConfigGuard.Core.Model;

/// <summary>A comment in a config file (text without the `#` or `//` marker), kept for inline suppressions.</summary>
/// <param name="Text">The comment's text.</param>
/// <param name="Line">1-based line the comment is on.</param>
/// <param name="IsWholeLine">True when the comment is the only thing on its line (then it applies to the next line too).</param>
public sealed record SourceComment(string Text, int Line, bool IsWholeLine);
