namespace ConfigGuard.Core.Catalog;

/// <summary>The resource classes rules/keys.yaml uses (and the checklist reports on), plus the class of keys configguard.yaml adds.</summary>
public static class ResourceClasses
{
    public const string Database = "database";
    public const string Redis = "redis";
    public const string Bucket = "bucket";
    public const string ErrorTracking = "errorTracking";
    public const string Email = "email";
    public const string Slack = "slack";
    public const string ShareUrl = "shareUrl";
    public const string ApiKey = "apiKey";
    /// <summary>OAuth clients, encryption keys, tenant/workspace/project ids: one identity shared is one resource.</summary>
    public const string Identity = "identity";
    /// <summary>Keys listed under <c>resources: keys:</c> in configguard.yaml.</summary>
    public const string Custom = "custom";
}
