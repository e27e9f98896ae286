using System;
using System.Collections.Generic;
using System.Net;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Environments;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// Says whether a host, database or bucket belongs to production (CG0002, CG1006) or to a sandbox/test system
/// (CG0006). Evidence, strongest first: the user's configguard.yaml production hosts/domains, the provider
/// endpoint catalog, then whole tokens of the name (the TLD of a host is not a token: <c>shop.live</c> is not prod).
/// </summary>
public sealed class EnvironmentEvidence
{
    private readonly RulePack _pack;
    private readonly IReadOnlyCollection<string> _productionHosts;
    private readonly IReadOnlyCollection<string> _productionDomains;

    public EnvironmentEvidence(RulePack pack, IReadOnlyCollection<string>? productionHosts = null, IReadOnlyCollection<string>? productionDomains = null)
    {
        _pack = pack;
        _productionHosts = productionHosts ?? Array.Empty<string>();
        _productionDomains = productionDomains ?? Array.Empty<string>();
    }

    /// <summary>Why <paramref name="part"/> is a production endpoint, or null when nothing says so.</summary>
    public string? ProductionReason(EndpointPart part)
    {
        if (part.Kind == EndpointPartKind.Host)
        {
            if (IsLocal(part.Text)) return null;
            foreach (var h in _productionHosts)
            {
                if (string.Equals(h, part.Text, StringComparison.OrdinalIgnoreCase)) return "listed as a production host in configguard.yaml";
            }
            foreach (var d in _productionDomains)
            {
                var domain = d.TrimStart('*', '.');
                if (string.Equals(domain, part.Text, StringComparison.OrdinalIgnoreCase)
                    || part.Text.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)) return $"in the production domain {domain} (configguard.yaml)";
            }
            if (_pack.Endpoints.TryClassify(part.Text, out var provider, out var mode))
            {
                return mode == CredentialMode.Live ? $"{provider}'s live endpoint" : null;
            }
        }
        var token = EnvironmentTokens.FirstIn(NameWithoutTld(part), _pack.Environments.ProductionTokens);
        return token is null ? null : $"its name says '{token}'";
    }

    /// <summary>Why <paramref name="part"/> is a sandbox/test/staging endpoint, or null.</summary>
    public string? NonProductionReason(EndpointPart part)
    {
        if (part.Kind == EndpointPartKind.Host)
        {
            if (IsLocal(part.Text)) return null;
            if (_pack.Endpoints.TryClassify(part.Text, out var provider, out var mode))
            {
                return mode == CredentialMode.Test ? $"{provider}'s sandbox endpoint" : null;
            }
        }
        var token = EnvironmentTokens.FirstIn(NameWithoutTld(part), _pack.Environments.NonProductionTokens);
        return token is null ? null : $"its name says '{token}'";
    }

    /// <summary>See <see cref="HostFacts.IsLocal"/>.</summary>
    public static bool IsLocal(string host) => HostFacts.IsLocal(host);

    private static string NameWithoutTld(EndpointPart part)
    {
        if (part.Kind != EndpointPartKind.Host) return part.Text;
        int dot = part.Text.LastIndexOf('.');
        return dot > 0 ? part.Text.Substring(0, dot) : part.Text;
    }
}
