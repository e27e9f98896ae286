namespace ConfigGuard.Core.Model;

/// <summary>
/// A region of a source text: character offset and length, plus 1-based line/column of both ends
/// (end column is exclusive, as in SARIF).
/// </summary>
public readonly struct SourceSpan
{
    public SourceSpan(int start, int length, int startLine, int startColumn, int endLine, int endColumn)
    {
        Start = start;
        Length = length;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;
    public int StartLine { get; }
    public int StartColumn { get; }
    public int EndLine { get; }
    public int EndColumn { get; }

    public bool IsEmpty => StartLine == 0;

    public override string ToString() => $"({StartLine},{StartColumn})-({EndLine},{EndColumn})";
}
