namespace ConfigGuard.Core.Model;

/// <summary>Something a parser could not read. Becomes a CG0012 finding; the rest of the file is still analyzed.</summary>
public sealed class ParseError
{
    public ParseError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }
    public SourceSpan Span { get; }
}
