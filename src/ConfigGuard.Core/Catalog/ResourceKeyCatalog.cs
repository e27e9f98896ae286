using System;
using System.Collections.Generic;
using System.Linq;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Which keys name a resource staging and production must not share (rules/keys.yaml <c>resourceKeys</c>), in
/// classes (database, redis, bucket, ...) that the checklist reports on; keys that never are (<c>resourceExempt</c>);
/// and multi-tenant provider hosts whose name alone identifies no customer's resource (<c>providerHosts</c>).
/// A repository adds keys and exemptions in configguard.yaml (<see cref="With"/>).
/// </summary>
public sealed class ResourceKeyCatalog
{
    private readonly IReadOnlyList<(string Class, IReadOnlyList<string> Patterns, KeyPatternSet Set)> _classes;
    private readonly IReadOnlyList<string> _exemptPatterns;
    private readonly KeyPatternSet _exempt;

    public ResourceKeyCatalog(IEnumerable<(string Class, IReadOnlyList<string> Patterns)> classes, IEnumerable<string> exempt, IEnumerable<string> providerHosts)
    {
        _classes = classes.Select(c => (c.Class, c.Patterns, new KeyPatternSet(c.Patterns))).ToList();
        _exemptPatterns = exempt.ToList();
        _exempt = new KeyPatternSet(_exemptPatterns);
        ProviderHosts = providerHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToList();
    }

    public static ResourceKeyCatalog Empty { get; } = new(Array.Empty<(string, IReadOnlyList<string>)>(), Array.Empty<string>(), Array.Empty<string>());

    public IReadOnlyList<string> ProviderHosts { get; }

    /// <summary>The classes in rule-pack order.</summary>
    public IEnumerable<string> Classes => _classes.Select(c => c.Class);

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

    /// <summary>True when <paramref name="host"/> is a multi-tenant provider host (o1.ingest.sentry.io, hooks.slack.com).</summary>
    public bool IsProviderHost(string host)
    {
        var h = host.ToLowerInvariant();
        foreach (var p in ProviderHosts)
        {
            if (h == p || h.EndsWith("." + p, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>This catalog plus a repository's own resource keys (class <see cref="ResourceClasses.Custom"/>, checked first) and exemptions.</summary>
    public ResourceKeyCatalog With(IReadOnlyCollection<string> extraKeys, IReadOnlyCollection<string> extraExempt)
    {
        if (extraKeys.Count == 0 && extraExempt.Count == 0) return this;
        var classes = new List<(string, IReadOnlyList<string>)>();
        if (extraKeys.Count > 0) classes.Add((ResourceClasses.Custom, extraKeys.ToList()));
        classes.AddRange(_classes.Select(c => (c.Class, c.Patterns)));
        return new ResourceKeyCatalog(classes, _exemptPatterns.Concat(extraExempt), ProviderHosts);
    }
}
