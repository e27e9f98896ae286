namespace ConfigGuard.Core.Endpoints;

public enum EndpointPartKind
{
    Host,
    Database,
    Bucket,
}
