using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Kustomize;

/// <summary>What kind of trouble a <see cref="KustomizeProblem"/> is.</summary>
public enum KustomizeProblemKind
{
    /// <summary>The YAML itself cannot be read (CG0012).</summary>
    Syntax,
    /// <summary>The YAML reads, but `kubectl kustomize` would refuse to build it (CG0014).</summary>
    Build,
    /// <summary>Builds, but an entry changes nothing: an images: entry with nothing to set, a patch whose target selects no object (CG0019).</summary>
    NoEffect,
    /// <summary>Not an error: a remote, out-of-repository or not-checked-out reference that was deliberately not followed, or a limit of the model.</summary>
    Note,
}

/// <summary>Something kustomize would reject (or that the model cannot follow), at the file and span that caused it.</summary>
public sealed class KustomizeProblem
{
    public KustomizeProblem(string path, SourceSpan span, string message, KustomizeProblemKind kind)
    {
        Path = path;
        Span = span;
        Message = message;
        Kind = kind;
    }

    public string Path { get; }
    public SourceSpan Span { get; }
    public string Message { get; }
    public KustomizeProblemKind Kind { get; }
    public bool IsNote => Kind == KustomizeProblemKind.Note;
    /// <summary>What `kubectl kustomize` refuses (CG0012, CG0014); notes and entries that change nothing (CG0019) build.</summary>
    public bool IsFailure => Kind is KustomizeProblemKind.Build or KustomizeProblemKind.Syntax;

    public override string ToString() => $"{Path}:{Span.StartLine}:{Span.StartColumn}: {(IsNote ? "note" : IsFailure ? "error" : "warning")}: {Message}";
}
