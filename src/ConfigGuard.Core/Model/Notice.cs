namespace ConfigGuard.Core.Model;

/// <summary>Something the scan skipped or could not do (a binary file, an oversized file): not a finding, but never silent.</summary>
public sealed class Notice
{
    public Notice(string path, string message)
    {
        Path = path;
        Message = message;
    }

    public string Path { get; }
    public string Message { get; }

    public override string ToString() => $"{Path}: note: {Message}";
}
