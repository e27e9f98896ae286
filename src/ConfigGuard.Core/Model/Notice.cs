namespace ConfigGuard.Core.Model;

/// <summary>Something the scan skipped or could not do (a binary file, an oversized file): not a finding, but never silent.</summary>
/// <param name="Path">The file or folder the note is about.</param>
/// <param name="Message">What happened.</param>
/// <param name="Line">1-based line the note is about (a suppression comment), or 0 when it is about the whole file.</param>
/// <param name="Column">1-based column with <paramref name="Line"/>, else 0.</param>
public sealed record Notice(string Path, string Message, int Line = 0, int Column = 0)
{
    public int Line { get; init; } = Line < 0 ? 0 : Line;
    public int Column { get; init; } = Line <= 0 ? 0 : Column < 1 ? 1 : Column;

    /// <summary>`path:line:col` when the note has a place in the file, else `path`.</summary>
    public string Location => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;

    public override string ToString() => $"{Location}: note: {Message}";
}
