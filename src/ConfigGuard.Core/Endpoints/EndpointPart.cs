namespace ConfigGuard.Core.Endpoints;

/// <summary>A host, database or bucket name found inside a value, with its offset in that value.</summary>
public readonly struct EndpointPart
{
    public EndpointPart(EndpointPartKind kind, string text, int index)
    {
        Kind = kind;
        Text = text;
        Index = index;
    }

    public EndpointPartKind Kind { get; }
    public string Text { get; }
    public int Index { get; }
    public int Length => Text.Length;

    public string KindName => Kind switch
    {
        EndpointPartKind.Database => "database",
        EndpointPartKind.Bucket => "bucket",
        _ => "host",
    };
}
