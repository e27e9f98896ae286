using System;
using System.Collections.Generic;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Resources;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0005: staging and production use the same resource: the same database, Redis DB, bucket, Sentry project,
/// share host, or the same secret value (compared by hash). Only keys the rule pack (or configguard.yaml) names
/// as resources are compared; the value is reduced by <see cref="ResourceIdentifier"/> first, so a different
/// password on the same database is still shared and a different database on the same server is not.
/// A production value under another key counts too (REDIS_URL in staging, CACHE_URL in production).
/// Reported at the staging line with the production line as related location; a value both environments
/// inherit from one base file is reported once, at the base line.
/// </summary>
public sealed class SharedResourceRule : IPairRule
{
    public string Id => "CG0005";

    public void Analyze(EnvironmentPair pair, FindingSink sink)
    {
        var production = Index(pair.Production, sink);
        if (production.Count == 0) return;
        var stagingLookup = Lookup(pair.Staging);
        foreach (var s in pair.Staging.Entries)
        {
            if (ValueFacts.IsDeclaration(s, sink.Pack) || !sink.Resources.IsResource(s.NormalizedKey)) continue;
            var id = ResourceIdentifier.Identify(s.NormalizedKey, s.Value, sink.Pack.Keys, stagingLookup);
            if (id is null || !production.TryGetValue(id.Key, out var matches)) continue;
            var p = matches.Find(m => m.NormalizedKey == s.NormalizedKey) ?? matches[0];
            var what = id.IsSecret ? "the same secret value" : id.Description;
            var redacted = id.IsSecret ? null : sink.DisplayValue(s);
            if (ReferenceEquals(s.Entry, p.Entry))
            {
                var baseName = RepoPath.FileName(s.File.Path);
                sink.Report(Id, s.File.Path, s.Entry.ValueSpan, s.Key, pair.Staging.Name,
                    $"{s.Key} in {baseName} reaches both {pair.Staging.Name} and {pair.Production.Name} ({what}); set it per environment in {RepoPath.FileName(pair.Staging.Primary.Path)} and {RepoPath.FileName(pair.Production.Primary.Path)}",
                    id.Key, redacted);
                continue;
            }
            var sameKey = p.NormalizedKey == s.NormalizedKey ? "" : $" under {p.Key}";
            var where = $"{p.File.Path}:{p.Entry.ValueSpan.StartLine}";
            var related = new[] { new RelatedLocation(p.File.Path, p.Entry.ValueSpan, $"{pair.Production.Name} sets {p.Key} here") };
            sink.Report(Id, s.File.Path, s.Entry.ValueSpan, s.Key, pair.Staging.Name,
                $"{s.Key} in {pair.Staging.Describe(s)} uses {what}, which {pair.Production.Name} also uses{sameKey} ({where}); give {pair.Staging.Name} its own {Noun(id)}",
                id.Key, redacted, related);
        }
    }

    private static Dictionary<string, List<EffectiveEntry>> Index(EnvironmentView view, FindingSink sink)
    {
        var index = new Dictionary<string, List<EffectiveEntry>>(StringComparer.Ordinal);
        var lookup = Lookup(view);
        foreach (var e in view.Entries)
        {
            if (ValueFacts.IsDeclaration(e, sink.Pack) || !sink.Resources.IsResource(e.NormalizedKey)) continue;
            var id = ResourceIdentifier.Identify(e.NormalizedKey, e.Value, sink.Pack.Keys, lookup);
            if (id is null) continue;
            if (!index.TryGetValue(id.Key, out var list)) index[id.Key] = list = new List<EffectiveEntry>();
            list.Add(e);
        }
        return index;
    }

    /// <summary>Another key of the same view by normalized name (DB_PORT next to DB_HOST).</summary>
    internal static Func<string, string?> Lookup(EnvironmentView view)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in view.Entries) byKey[e.NormalizedKey] = e.Value;
        return k => byKey.TryGetValue(k, out var v) ? v : null;
    }

    private static string Noun(ResourceIdentity id) => id.Kind switch
    {
        "database" => "database",
        "redis" => "Redis database",
        "bucket" => "bucket",
        "dsn" => "error-tracking project",
        "url" => "host",
        "channel" => "channel",
        "tenant" => "tenant (project, bucket or directory)",
        _ => "credentials",
    };
}
