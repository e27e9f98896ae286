using System;
using System.Collections.Generic;
using System.Linq;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Which keys name a resource staging and production must not share (rules/keys.yaml <c>resourceKeys</c>), in
/// classes (database, redis, bucket, ...) that the checklist reports on; keys that never are (<c>resourceExempt</c>);
/// and multi-tenant provider hosts whose name alone identifies no customer's resource (rules/endpoints.yaml <c>multiTenant</c>).
/// A repository adds keys and exemptions in configguard.yaml (<see cref="With"/>).
/// </summary>
public sealed class ResourceKeyCatalog
{
    private readonly IReadOnlyList<(string Class, IReadOnlyList<string> Patterns, KeyPatternSet Set)> _classes;
    private readonly IReadOnlyList<string> _exemptPatterns;
    private readonly KeyPatternSet _exempt;

    public ResourceKeyCatalog(IEnumerable<(string Class, IReadOnlyList<string> Patterns)> classes, IEnumerable<string> exempt, IEnumerable<MultiTenantHost> multiTenant)
    {
        _classes = classes.Select(c => (c.Class, c.Patterns, new KeyPatternSet(c.Patterns))).ToList();
        _exemptPatterns = exempt.ToList();
        _exempt = new KeyPatternSet(_exemptPatterns);
        MultiTenant = multiTenant.Where(h => h.Host.Length > 0).OrderByDescending(h => h.Host.Length).ToList();
    }

    public static ResourceKeyCatalog Empty { get; } = new(Array.Empty<(string, IReadOnlyList<string>)>(), Array.Empty<string>(), Array.Empty<MultiTenantHost>());

    /// <summary>Public multi-tenant hosts (rules/endpoints.yaml), longest first.</summary>
    public IReadOnlyList<MultiTenantHost> MultiTenant { get; }

    /// <summary>The multi-tenant provider entry covering <paramref name="host"/>, or null.</summary>
    public MultiTenantHost? MultiTenantFor(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        foreach (var m in MultiTenant)
        {
            if (m.Covers(h)) return m;
        }
        return null;
    }

    /// <summary>The resource class of a normalized key, or null when the key is no resource (or exempt).</summary>
    public string? ClassOf(string normalizedKey)
    {
        if (_exempt.Matches(normalizedKey)) return null;
        foreach (var c in _classes)
        {
            if (c.Set.Matches(normalizedKey)) return c.Class;
        }
        return null;
    }

    public bool IsResource(string normalizedKey) => ClassOf(normalizedKey) is not null;

    /// <summary>True when the key is never a resource (resourceExempt: public values, switches, tuning knobs, page links).</summary>
    public bool IsExempt(string normalizedKey) => _exempt.Matches(normalizedKey);

    /// <summary>
    /// True when <paramref name="host"/> is shared by every customer of a provider (o1.ingest.sentry.io, hooks.slack.com,
    /// fonts.googleapis.com): the host alone is nobody's resource. A tenant's own host on a provider that puts the
    /// tenant in the subdomain (acme.blob.core.windows.net) is not: that host is the customer's.
    /// </summary>
    public bool IsProviderHost(string host)
    {
        var m = MultiTenantFor(host);
        return m is not null && (m.Tenant != TenantPart.Subdomain || host.Trim().TrimEnd('.').Equals(m.Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>This catalog plus a repository's own resource keys (class <see cref="ResourceClasses.Custom"/>, checked first) and exemptions.</summary>
    public ResourceKeyCatalog With(IReadOnlyCollection<string> extraKeys, IReadOnlyCollection<string> extraExempt)
    {
        if (extraKeys.Count == 0 && extraExempt.Count == 0) return this;
        var classes = new List<(string, IReadOnlyList<string>)>();
        if (extraKeys.Count > 0) classes.Add((ResourceClasses.Custom, extraKeys.ToList()));
        classes.AddRange(_classes.Select(c => (c.Class, c.Patterns)));
        return new ResourceKeyCatalog(classes, _exemptPatterns.Concat(extraExempt), MultiTenant);
    }
}
