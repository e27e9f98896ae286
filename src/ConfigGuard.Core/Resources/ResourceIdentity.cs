namespace ConfigGuard.Core.Resources;

/// <summary>
/// What a resource value comes down to when staging and production are compared: <see cref="Key"/> is equal for two
/// values that reach the same database, Redis DB, bucket, Sentry project or secret. <see cref="Description"/> is safe
/// to print (no password, no secret: a secret is described only as "the same secret value").
/// </summary>
public sealed class ResourceIdentity
{
    public ResourceIdentity(string kind, string key, string description, bool isSecret)
    {
        Kind = kind;
        Key = key;
        Description = description;
        IsSecret = isSecret;
    }

    /// <summary>database, redis, bucket, dsn, url, host, channel or secret.</summary>
    public string Kind { get; }
    /// <summary>The comparison key; for secrets it holds a hash, never the value.</summary>
    public string Key { get; }
    public string Description { get; }
    public bool IsSecret { get; }

    public override string ToString() => Description;
}
