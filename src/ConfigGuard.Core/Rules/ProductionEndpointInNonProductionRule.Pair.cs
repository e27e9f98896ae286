using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0002, pair half (the view half is in ProductionEndpointInNonProductionRule.cs): a staging value is the very value production sets for the same key, and it points at a
/// host, database or bucket (<c>SHARE_URL=https://mina.app</c> in both). That is a production endpoint even when its
/// name carries no prod token. Compared is what the value points at, not its text: a host counts only when it is a
/// qualified remote name (not localhost, a listen address like 0.0.0.0 or +, nor an in-cluster/compose service name
/// without a dot, which each deployment resolves to its own service); a database name alone (DB_NAME=shop on two
/// different hosts) is no shared database; a bucket on a sibling endpoint counts only when that endpoint is the same
/// remote server. A host counts only under a domain the config shows to be the team's own (<see cref="OwnDomains"/>: two
/// environments vary hosts under it, or a host under it names an environment): api.openai.com or a CMS CDN in both
/// is a third party both use, not production. Values without an endpoint (LOG_FORMAT=json), public multi-tenant hosts
/// (rules/endpoints.yaml) and hosts the token rule already reports are left alone; a value both inherit from one base
/// file is CG0005's business.
/// </summary>
public sealed partial class ProductionEndpointInNonProductionRule : IPairRule
{
    public void Analyze(EnvironmentPair pair, FindingSink sink)
    {
        Func<string, string?>? stagingLookup = null, productionLookup = null;
        var production = pair.Production.Entries.GroupBy(e => e.NormalizedKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var s in pair.Staging.Entries)
        {
            if (ValueFacts.IsDeclaration(s, sink.Pack)) continue;
            if (!production.TryGetValue(s.NormalizedKey, out var p) || SameLine(s, p)) continue;
            var value = s.Value.Trim();
            if (value.Length == 0 || !string.Equals(value, p.Value.Trim(), StringComparison.Ordinal)) continue;
            if (sink.Pack.Keys.IsPlaceholder(s.NormalizedKey, value) || ValueFacts.IsReference(value)) continue;
            if (sink.Resources.IsExempt(s.NormalizedKey) || IsPageLink(value)) continue; // public values, links shown to people
            var parts = sink.EndpointsIn(s);
            bool hasHost = parts.Any(x => x.Kind == EndpointPartKind.Host);
            foreach (var part in parts)
            {
                if (hasHost && part.Kind != EndpointPartKind.Host) continue;
                if (part.Kind == EndpointPartKind.Host && (!HostFacts.IsRemoteName(part.Text) || sink.Resources.IsProviderHost(part.Text))) continue;
                if (ValueFacts.IsMonitoring(s.Key, part.Kind == EndpointPartKind.Host ? part.Text : null, sink.Pack)) continue;
                if (part.Kind == EndpointPartKind.Host && ValueFacts.IsFeatureFlagService(s.Key, part.Text, sink.Pack)) continue;
                if (part.Kind == EndpointPartKind.Host && !sink.OwnDomainsFor(pair).Covers(part.Text, sink.Resources)) continue;
                if (part.Kind == EndpointPartKind.Database) continue; // a name without its host: judged with the host, by CG0005
                if (part.Kind == EndpointPartKind.Bucket && !SameBucket(s, p, sink, stagingLookup ??= SharedResourceRule.Lookup(pair.Staging), productionLookup ??= SharedResourceRule.Lookup(pair.Production))) continue;
                if (sink.Evidence.ProductionReason(part) is not null || sink.Evidence.NonProductionReason(part) is not null) continue;
                var related = new[] { new RelatedLocation(p.File.Path, p.Entry.ValueSpan, $"{pair.Production.Name} sets {p.Key} to the same value here") };
                sink.Report(Id, s.File.Path, FindingSink.SubSpan(s.Entry, part.Index, part.Length), s.Key, pair.Staging.Name,
                    $"{s.Key} points {pair.Staging.Describe(s)} at the {part.KindName} '{part.Text}', the value {pair.Production.Name} uses ({p.File.Path}:{p.Entry.ValueSpan.StartLine}); give {pair.Staging.Name} its own {part.KindName}",
                    part.Text, sink.DisplayValue(s), related);
            }
        }
    }

    /// <summary>
    /// A link to a page people read (https://help.acme.io/hc/articles/how-to-reset-your-password): a path segment of
    /// three or more words joined by '-' is a page slug, which API routes do not have; a help-centre article
    /// (Zendesk's `/hc/`, `/articles/<id>`, `/faq`) outside an API path is one too. The same page in every build is
    /// no production endpoint.
    /// </summary>
    internal static bool IsPageLink(string value)
    {
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return false;
        int slash = value.IndexOf('/', scheme + 3);
        if (slash < 0) return false;
        var segments = value.Substring(slash).Split('/', '?', '#');
        bool apiPath = segments.Any(x => x.StartsWith("api", StringComparison.OrdinalIgnoreCase) || x.Equals("graphql", StringComparison.OrdinalIgnoreCase)
            || (x.Length >= 2 && (x[0] == 'v' || x[0] == 'V') && x.Skip(1).All(char.IsDigit)));
        if (!apiPath && segments.Any(x => HelpCentreSegments.Contains(x))) return true;
        foreach (var segment in segments)
        {
            int words = 0;
            foreach (var w in segment.Split('-'))
            {
                if (w.Length >= 2 && w.All(char.IsLetter)) words++;
            }
            if (words >= 3) return true;
        }
        return false;
    }

    private static readonly HashSet<string> HelpCentreSegments = new(StringComparer.OrdinalIgnoreCase) { "hc", "articles", "article", "faq", "help-center", "helpcenter", "knowledge-base" };

    /// <summary>
    /// Both take the value from one line of one base file (a kustomize base both overlays build from gives each build its
    /// own copy of the entry, so the same object is not enough): CG0005 reports it once, at that line.
    /// </summary>
    internal static bool SameLine(EffectiveEntry s, EffectiveEntry p) =>
        ReferenceEquals(s.Entry, p.Entry)
        || (string.Equals(s.File.Path, p.File.Path, StringComparison.Ordinal) && s.Entry.ValueSpan.Start == p.Entry.ValueSpan.Start);

    // A bucket named alone is global (S3, GCS); on a sibling endpoint (MINIO_ENDPOINT) it is that server's.
    private static bool SameBucket(EffectiveEntry s, EffectiveEntry p, FindingSink sink, Func<string, string?> stagingLookup, Func<string, string?> productionLookup)
    {
        if (s.Value.IndexOf("://", StringComparison.Ordinal) >= 0) return true;
        var a = Resources.ResourceIdentifier.Identify(s.NormalizedKey, s.Value, sink.Pack.Keys, stagingLookup);
        var b = Resources.ResourceIdentifier.Identify(p.NormalizedKey, p.Value, sink.Pack.Keys, productionLookup);
        return a is not null && b is not null && a.Key == b.Key;
    }
}
