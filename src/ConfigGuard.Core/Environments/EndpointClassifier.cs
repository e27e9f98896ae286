using System;
using System.Collections.Generic;
using System.Net;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Environments;

/// <summary>
/// Says whether a host, database or bucket belongs to production (CG0002, CG1006) or to a sandbox/test system
/// (CG0006). Evidence, strongest first: the user's configguard.yaml production hosts/domains, the provider
/// endpoint catalog, then whole tokens of the name (the TLD of a host is not a token: <c>shop.live</c> is not prod).
/// </summary>
public sealed class EndpointClassifier
{
    private readonly EndpointCatalog _endpoints;
    private readonly EnvironmentNames _environments;
    private readonly IReadOnlyCollection<string> _productionHosts;
    private readonly IReadOnlyCollection<string> _productionDomains;

    public EndpointClassifier(RulePack pack, IReadOnlyCollection<string>? productionHosts = null, IReadOnlyCollection<string>? productionDomains = null)
        : this(pack.Endpoints, pack.Environments, productionHosts, productionDomains)
    {
    }

    /// <summary>From the two parts of a pack it reads (the analyzers build no more of the pack than they use).</summary>
    public EndpointClassifier(EndpointCatalog endpoints, EnvironmentNames environments, IReadOnlyCollection<string>? productionHosts = null, IReadOnlyCollection<string>? productionDomains = null)
    {
        _endpoints = endpoints;
        _environments = environments;
        _productionHosts = productionHosts ?? Array.Empty<string>();
        _productionDomains = productionDomains ?? Array.Empty<string>();
    }

    private ProductionEvidencePrefilter? _prefilter;

    /// <summary>
    /// False when no endpoint in <paramref name="value"/> can have a <see cref="ProductionReason"/> (no production token,
    /// live provider host or listed host occurs in it): a cheap test before extracting and classifying many values.
    /// </summary>
    public bool MayNameProduction(string value) =>
        (_prefilter ??= new ProductionEvidencePrefilter(_endpoints, _environments, _productionHosts, _productionDomains)).MayNameProduction(value);

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
            if (_endpoints.TryClassify(part.Text, out var provider, out var mode))
            {
                return mode == CredentialMode.Live ? $"{provider}'s live endpoint" : null;
            }
        }
        return WordReason(part, _environments.ProductionTokens);
    }

    /// <summary>Why <paramref name="part"/> is a sandbox/test/staging endpoint, or null.</summary>
    public string? NonProductionReason(EndpointPart part)
    {
        if (part.Kind == EndpointPartKind.Host)
        {
            if (IsLocal(part.Text)) return null;
            if (_endpoints.TryClassify(part.Text, out var provider, out var mode))
            {
                return mode == CredentialMode.Test ? $"{provider}'s sandbox endpoint" : null;
            }
        }
        return WordReason(part, _environments.NonProductionTokens);
    }

    /// <summary>
    /// "its name says 'dev'" when a word of <paramref name="set"/> is a whole token of the name (the TLD left out), or is
    /// joined to another word (<c>eshopdev</c>, <c>webreportingtest</c>, a database <c>shop_localdev</c>). In a host, joined
    /// words are read only left of the registrable name: <c>eshopdev.database.windows.net</c> is dev, the company
    /// <c>testrail.io</c> is not. Known words are never split (<c>devices</c>, <c>contest</c>: rules/environments.yaml).
    /// </summary>
    private string? WordReason(EndpointPart part, ISet<string> set)
    {
        var text = NameWithoutTld(part);
        var whole = WordTokens.FirstIn(text, set);
        if (whole is not null) return $"its name says '{whole}'";
        var names = _environments;
        var labels = part.Kind == EndpointPartKind.Host ? text.Split('.') : new[] { text };
        int joinable = labels.Length;
        if (part.Kind == EndpointPartKind.Host)
        {
            joinable = labels.Length - 1;
            // example.co.uk, shop.com.au: the short label before the TLD is a public suffix, the one before it the name.
            if (joinable > 0 && labels[joinable].Length <= 3) joinable--;
        }
        for (int i = 0; i < joinable; i++)
        {
            foreach (var token in WordTokens.Tokenize(labels[i]))
            {
                if (names.JoinedName(token, out var name, out _) && set.Contains(name)) return $"its name says '{name}' in '{token}'";
            }
        }
        return null;
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
