namespace ConfigGuard.Core.Model;

/// <summary>A comment in a config file (text without the `#` or `//` marker), kept for inline suppressions.</summary>
public sealed class SourceComment
{
    public SourceComment(string text, int line, bool isWholeLine)
    {
        Text = text;
        Line = line;
        IsWholeLine = isWholeLine;
    }

    public string Text { get; }
    /// <summary>1-based line the comment is on.</summary>
    public int Line { get; }
    /// <summary>True when the comment is the only thing on its line (then it applies to the next line too).</summary>
    public bool IsWholeLine { get; }
}
