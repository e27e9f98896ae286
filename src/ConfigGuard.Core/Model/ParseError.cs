namespace ConfigGuard.Core.Model;

/// <summary>Something a parser could not read. Becomes a CG0012 finding; the rest of the file is still analyzed.</summary>
public sealed record ParseError(string Message, SourceSpan Span);
