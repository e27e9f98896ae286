namespace ConfigGuard.Core.Model;

/// <summary>Something the scan skipped or could not do (a binary file, an oversized file): not a finding, but never silent.</summary>
public sealed record Notice(string Path, string Message)
{
    public override string ToString() => $"{Path}: note: {Message}";
}
