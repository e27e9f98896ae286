using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Text;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// The domains a pair's config (its views and the files beside them) shows to be the team's own: a domain under which two environments use different
/// hosts for the same key (api.staging.acme.io in staging, api.acme.io in production), or under which some host names
/// an environment (staging-api.acme.io). Third-party services (api.openai.com, a CMS CDN, a public API)
/// never vary with the team's environments, so the same third-party host in staging and production says nothing
/// about production; the same host under the team's own domain does (CG0002). The registrable domain is the last two
/// labels (three under a generic second level of a country code: acme.co.uk), or a tenant's host on a provider that
/// gives each tenant a subdomain (acme.herokuapp.com).
/// </summary>
public sealed class OwnDomains
{
    private static readonly HashSet<string> GenericSecondLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc", "nhs", "gob", "gouv", "go", "or", "ne",
    };

    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="entries">The entries whose hosts are evidence (the pair's views and the files beside them).</param>
    /// <param name="endpointsIn">The endpoint parts of an entry's value.</param>
    /// <param name="resources">The resource keys in force (provider and multi-tenant hosts).</param>
    /// <param name="pack">The rule pack (environment words, provider endpoints).</param>
    public OwnDomains(IEnumerable<ConfigEntry> entries, Func<ConfigEntry, IReadOnlyList<EndpointPart>> endpointsIn, ResourceKeyCatalog resources, RulePack pack)
    {
        // key -> registrable domain -> the first host seen under it for that key
        var byKey = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var seen = new HashSet<ConfigEntry>();
        foreach (var e in entries)
        {
            if (!seen.Add(e)) continue;
            var key = e.NormalizedKey;
            foreach (var part in endpointsIn(e))
            {
                if (part.Kind != EndpointPartKind.Host || !Judgeable(part.Text, resources, pack)) continue;
                var d = Registrable(part.Text, resources);
                if (d is null) continue;
                if (NamesAnEnvironment(part.Text, d, pack)) _domains.Add(d);
                if (!byKey.TryGetValue(key, out var hosts)) byKey[key] = hosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (hosts.TryGetValue(d, out var other) && !other.Equals(part.Text, StringComparison.OrdinalIgnoreCase)) _domains.Add(d);
                else hosts[d] = part.Text;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="host"/> is under a domain the repository shows to be the team's own, or is the team's
    /// own tenant host on a provider that gives each customer a subdomain (acme.oktapreview.com).
    /// </summary>
    public bool Covers(string host, ResourceKeyCatalog resources)
    {
        if (resources.MultiTenantFor(host) is { Tenant: TenantPart.Subdomain } && !resources.IsProviderHost(host)) return true;
        return Registrable(host, resources) is { } d && _domains.Contains(d);
    }

    // staging-api.acme.io, api.prod.acme.io: a host whose own labels (left of the domain) name an environment.
    private static bool NamesAnEnvironment(string host, string domain, RulePack pack)
    {
        if (domain.Length >= host.Length) return false;
        var labels = host.Substring(0, host.Length - domain.Length).TrimEnd('.');
        return WordTokens.FirstIn(labels, pack.Environments.ProductionTokens) is not null
            || WordTokens.FirstIn(labels, pack.Environments.NonProductionTokens) is not null;
    }

    private static bool Judgeable(string host, ResourceKeyCatalog resources, RulePack pack) =>
        HostFacts.IsRemoteName(host) && !resources.IsProviderHost(host) && !pack.Endpoints.TryClassify(host, out _, out _);

    /// <summary>acme.io for api.staging.acme.io; acme.co.uk for www.acme.co.uk; acme.herokuapp.com on a per-tenant provider host.</summary>
    public static string? Registrable(string host, ResourceKeyCatalog? resources)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (resources?.MultiTenantFor(h) is { Tenant: TenantPart.Subdomain } tenant && h.Length > tenant.Host.Length)
        {
            var left = h.Substring(0, h.Length - tenant.Host.Length - 1);
            int dot = left.LastIndexOf('.');
            return (dot < 0 ? left : left.Substring(dot + 1)) + "." + tenant.Host;
        }
        var labels = h.Split('.');
        if (labels.Length < 2) return null;
        int take = labels.Length >= 3 && labels[labels.Length - 1].Length == 2 && GenericSecondLevels.Contains(labels[labels.Length - 2]) ? 3 : 2;
        return string.Join(".", labels, labels.Length - take, take);
    }
}
