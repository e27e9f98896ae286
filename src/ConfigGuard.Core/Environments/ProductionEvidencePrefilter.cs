// Hand-written: a necessary condition derived from EndpointClassifier's own evidence, run through Core's KeywordIndex
// (the Aho-Corasick prefilter the credential catalog uses); there is nothing of this shape to take from a library.
using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Environments;

/// <summary>
/// A cheap test that says when a value cannot name a production endpoint, so callers that judge many values (the
/// CG1006 analyzer, one call per string literal of a compilation) skip the extraction and classification. Every piece
/// of evidence <see cref="EndpointClassifier.ProductionReason"/> accepts is text the endpoint, and so the value, contains
/// (ignoring case): a production token (<c>prod</c>, <c>prd</c>, <c>live</c>: whole or joined to a word), a provider's
/// live host or wildcard suffix, a listed production host or domain. When none occurs, no part can be production.
/// Exact only for values of ASCII characters without '%' (no case folding outside ASCII, no percent-encoded database
/// name): any other value passes, as does every value when a piece of evidence is not ASCII.
/// </summary>
public sealed class ProductionEvidencePrefilter
{
    private readonly KeywordIndex? _index;

    public ProductionEvidencePrefilter(RulePack pack, IEnumerable<string> productionHosts, IEnumerable<string> productionDomains)
        : this(pack.Endpoints, pack.Environments, productionHosts, productionDomains)
    {
    }

    public ProductionEvidencePrefilter(EndpointCatalog endpoints, EnvironmentNames environments, IEnumerable<string> productionHosts, IEnumerable<string> productionDomains)
    {
        var keywords = new List<string>();
        foreach (var token in environments.ProductionTokens) keywords.Add(token);
        foreach (var host in endpoints.HostsAndSuffixes(CredentialMode.Live)) keywords.Add(host);
        foreach (var host in productionHosts) keywords.Add(host);
        foreach (var domain in productionDomains)
        {
            var d = domain.TrimStart('*', '.');
            keywords.Add(d.Length > 0 ? d : ".");
        }
        Keywords = Minimal(keywords);
        foreach (var k in Keywords)
        {
            if (k.Length == 0 || !IsAscii(k)) return; // _index stays null: every value passes
        }
        _index = new KeywordIndex(Keywords);
    }

    /// <summary>The lower-case keywords, none containing another (a value holding "production" holds "prod").</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>False only when no endpoint <see cref="Endpoints.EndpointExtractor"/> finds in <paramref name="value"/> can be production.</summary>
    public bool MayNameProduction(string value)
    {
        if (_index is null) return true;
        foreach (var c in value)
        {
            if (c >= 0x80 || c == '%') return true;
        }
        return _index.ContainsAny(value, ignoreAsciiCase: true);
    }

    private static List<string> Minimal(List<string> keywords)
    {
        var lower = new List<string>();
        foreach (var k in keywords)
        {
            var l = k.ToLowerInvariant();
            if (!lower.Contains(l)) lower.Add(l);
        }
        lower.Sort((a, b) => a.Length.CompareTo(b.Length));
        var kept = new List<string>();
        foreach (var k in lower)
        {
            bool covered = false;
            foreach (var shorter in kept)
            {
                if (k.IndexOf(shorter, StringComparison.Ordinal) >= 0) { covered = true; break; }
            }
            if (!covered) kept.Add(k);
        }
        return kept;
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c >= 0x80) return false;
        return true;
    }
}
