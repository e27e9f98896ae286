using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Kustomize;

/// <summary>Something kustomize would reject (or that the model cannot follow), at the file and span that caused it.</summary>
public sealed class KustomizeProblem
{
    public KustomizeProblem(string path, SourceSpan span, string message, bool isNote = false)
    {
        Path = path;
        Span = span;
        Message = message;
        IsNote = isNote;
    }

    public string Path { get; }
    public SourceSpan Span { get; }
    public string Message { get; }
    /// <summary>Not an error: a remote or out-of-repository reference that was deliberately not followed.</summary>
    public bool IsNote { get; }

    public override string ToString() => $"{Path}:{Span.StartLine}:{Span.StartColumn}: {(IsNote ? "note" : "error")}: {Message}";
}
