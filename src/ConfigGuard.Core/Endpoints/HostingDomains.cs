using System;
using System.Collections.Generic;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// Domains that name the platform a non-production environment is hosted on, not the environment itself
/// (<c>api-shop-stage.apps.cluster.prod.example.net</c>: a staging route on a cluster the platform team calls prod).
/// In a DNS name the left labels are the most specific: when a host of the environment names a non-production
/// environment left of a production word, the production word and everything right of it name the hosting cluster,
/// shared by the environments that run on it. Any host of the same environment under that suffix (the cluster's own
/// monitoring, its other routes) says nothing about production through the suffix: only its labels left of it count.
/// Written by hand: a few comparisons of label lists, nothing a library offers.
/// </summary>
public sealed class HostingDomains
{
    private readonly List<string> _suffixes = new();

    public HostingDomains(IEnumerable<string> hosts, ISet<string> productionTokens, ISet<string> nonProductionTokens)
    {
        foreach (var host in hosts)
        {
            if (Suffix(host, productionTokens, nonProductionTokens) is { } s && !_suffixes.Contains(s)) _suffixes.Add(s);
        }
    }

    /// <summary>
    /// The labels of <paramref name="host"/> left of a hosting suffix it sits under (<c>grafana.apps</c> for
    /// <c>grafana.apps.cluster.prod.example.net</c>), or null when it sits under none.
    /// </summary>
    public string? LabelsLeftOfHosting(string host)
    {
        var h = host.Trim().TrimEnd('.');
        foreach (var s in _suffixes)
        {
            if (h.Length > s.Length + 1 && h.EndsWith("." + s, StringComparison.OrdinalIgnoreCase)) return h.Substring(0, h.Length - s.Length - 1);
        }
        return null;
    }

    // api-stage.apps.cluster.prod.example.net -> prod.example.net: the first label with a production word, when a label
    // left of it names a non-production environment and no label left of it names production.
    private static string? Suffix(string host, ISet<string> productionTokens, ISet<string> nonProductionTokens)
    {
        var labels = host.Trim().TrimEnd('.').Split('.');
        bool nonProductionLeft = false;
        for (int i = 0; i < labels.Length - 1; i++)
        {
            bool prod = WordTokens.FirstIn(labels[i], productionTokens) is not null;
            bool nonProd = WordTokens.FirstIn(labels[i], nonProductionTokens) is not null;
            if (prod && nonProd) return null; // one label naming both says nothing about which is the host's
            if (prod) return nonProductionLeft && i > 0 ? string.Join(".", labels, i, labels.Length - i).ToLowerInvariant() : null;
            if (nonProd) nonProductionLeft = true;
        }
        return null;
    }
}
