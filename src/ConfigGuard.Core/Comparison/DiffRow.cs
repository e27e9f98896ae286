namespace ConfigGuard.Core.Comparison;

/// <summary>One key of an environment diff. Values are display values: secrets and passwords already redacted.</summary>
public sealed class DiffRow
{
    public DiffRow(string key, string? left, string? right, DiffStatus status, bool inheritedByBoth, string? sharedResource)
    {
        Key = key;
        Left = left;
        Right = right;
        Status = status;
        InheritedByBoth = inheritedByBoth;
        SharedResource = sharedResource;
    }

    public string Key { get; }
    public string? Left { get; }
    public string? Right { get; }
    public DiffStatus Status { get; }
    /// <summary>Both sides take the value from the same base file entry.</summary>
    public bool InheritedByBoth { get; }
    /// <summary>For <see cref="DiffStatus.Shared"/>: the resource, described safely ("bucket 'acme'", "the same secret value").</summary>
    public string? SharedResource { get; }
}
