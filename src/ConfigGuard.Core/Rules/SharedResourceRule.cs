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
/// Identities (class identity: OAuth client ids, tenant/workspace/project ids) are compared as written and shown, and
/// not against an implicit production (appsettings.json alone).
/// A setting of a service one side switches off (Sentry:Dsn beside IsSentryLogging: false) is used by only one of
/// them: not shared; nor are monitoring services.
/// </summary>
public sealed class SharedResourceRule : IPairRule
{
    public string Id => "CG0005";

    public void Analyze(EnvironmentPair pair, FindingSink sink) => Analyze(pair, sink, dataStoresOnly: false);

    /// <summary>
    /// A development or test config (paired by PairBuilder.BesideProduction) on production's own database, Redis or
    /// bucket: tests and local runs write into production's data. Only data stores, only values each file sets itself
    /// (a base value both inherit is the base's business), and only against an explicit production file.
    /// </summary>
    public void AnalyzeDataStores(EnvironmentPair pair, FindingSink sink) => Analyze(pair, sink, dataStoresOnly: true);

    private static readonly HashSet<string> DataStores = new(StringComparer.Ordinal)
    {
        Catalog.ResourceClasses.Database, Catalog.ResourceClasses.Redis, Catalog.ResourceClasses.Bucket,
    };

    private void Analyze(EnvironmentPair pair, FindingSink sink, bool dataStoresOnly)
    {
        if (dataStoresOnly && pair.Production.IsImplicit) return;
        var production = Indexes.GetValue(pair.Production, view => Index(view, sink, view.IsImplicit));
        if (production.Count == 0) return;
        var stagingLookup = Lookup(pair.Staging);
        foreach (var s in pair.Staging.Entries)
        {
            if (ValueFacts.IsDeclaration(s, sink.Pack) || !sink.Resources.IsResource(s.NormalizedKey)) continue;
            if (dataStoresOnly && (s.Inherited || !DataStores.Contains(sink.Resources.ClassOf(s.NormalizedKey) ?? ""))) continue;
            if (ValueFacts.IsMonitoring(s.Key, FirstHost(s, sink), sink.Pack)) continue;
            var id = Identify(s, sink, stagingLookup, out bool unasked);
            if (id is null || !production.TryGetValue(id.Key, out var indexed)) continue;
            // A placeholder names no resource. Asked here, of the values on both sides that would otherwise be reported:
            // the check (a dozen whole-value patterns) cost more than identifying every resource of every view.
            if (unasked && IsPlaceholder(s, sink)) continue;
            var matches = indexed.FindAll(m => !m.PlaceholderUnasked || !IsPlaceholder(m.Entry, sink)).ConvertAll(m => m.Entry);
            if (matches.Count == 0) continue;
            if (dataStoresOnly && (id.IsSecret || matches.TrueForAll(m => m.Inherited))) continue;
            var p = matches.Find(m => m.NormalizedKey == s.NormalizedKey) ?? matches[0];
            if (SwitchedOffService.In(pair.Staging, s) || SwitchedOffService.In(pair.Production, p)) continue; // the service is off on one side
            var what = id.IsSecret ? "the same secret value" : id.Description;
            var redacted = id.IsSecret ? null : sink.DisplayValue(s);
            if (ProductionEndpointInNonProductionRule.SameLine(s, p))
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

    /// <summary>
    /// Each production view's resources, indexed once however many pairs it is in (its staging config's, and every
    /// development or test config paired beside it for the data-store check); a view belongs to one analysis, whose
    /// catalogs the index was made with, and the index goes when the view does.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EnvironmentView, Dictionary<string, List<Indexed>>> Indexes = new();

    /// <summary>A production entry under its resource's identity; <see cref="PlaceholderUnasked"/>: whether its value may still be a placeholder (see <see cref="Identify"/>).</summary>
    private readonly record struct Indexed(EffectiveEntry Entry, bool PlaceholderUnasked);

    private static bool IsPlaceholder(EffectiveEntry e, FindingSink sink) => sink.Pack.Keys.IsPlaceholder(e.NormalizedKey, e.Value);

    private static string? FirstHost(EffectiveEntry e, FindingSink sink)
    {
        foreach (var part in sink.EndpointsIn(e))
        {
            if (part.Kind == Endpoints.EndpointPartKind.Host) return part.Text;
        }
        return null;
    }

    private static Dictionary<string, List<Indexed>> Index(EnvironmentView view, FindingSink sink, bool implicitProduction)
    {
        var index = new Dictionary<string, List<Indexed>>(StringComparer.Ordinal);
        var lookup = Lookup(view);
        foreach (var e in view.Entries)
        {
            if (ValueFacts.IsDeclaration(e, sink.Pack) || !sink.Resources.IsResource(e.NormalizedKey)) continue;
            if (implicitProduction && sink.Resources.ClassOf(e.NormalizedKey) == Catalog.ResourceClasses.Identity) continue;
            var id = Identify(e, sink, lookup, out bool unasked);
            if (id is null) continue;
            if (!index.TryGetValue(id.Key, out var list)) index[id.Key] = list = new List<Indexed>();
            list.Add(new Indexed(e, unasked));
        }
        return index;
    }

    // An id (client, tenant, workspace, project) is public and compared as written; a client secret or an encryption key
    // under the identity class is a secret like any other (ResourceIdentifier, by hash).
    /// <param name="placeholderUnasked">
    /// True when the value was identified without asking whether it is a placeholder (<see cref="ResourceIdentifier"/>'s
    /// own check, left to the caller): asked only of a value that matches the other side's.
    /// </param>
    private static ResourceIdentity? Identify(EffectiveEntry e, FindingSink sink, Func<string, string?> lookup, out bool placeholderUnasked)
    {
        placeholderUnasked = false;
        if (sink.Resources.ClassOf(e.NormalizedKey) == Catalog.ResourceClasses.Identity && !sink.SecretKeys.Matches(e.NormalizedKey)
            && !sink.Pack.Keys.CommittedSecrets.IsSecretKey(e.NormalizedKey))
        {
            var v = e.Value.Trim().Trim('"', '\'');
            // An id with no digit is a name a person chose (authscape-api, SECRET, my-app): too often a placeholder, or a
            // name that is unique only inside each environment's realm, to call one shared identity.
            if (v.Length < 6 || v.Length > 200 || v.IndexOf(' ') >= 0 || !HasDigit(v) || sink.Pack.Keys.IsPlaceholder(e.NormalizedKey, v) || ResourceIdentifier.IsReference(v)) return null;
            return new ResourceIdentity("identity", "identity|" + v.ToLowerInvariant(), $"the same {IdNoun(e.NormalizedKey)} '{v}'", isSecret: false);
        }
        if (sink.Resources.ClassOf(e.NormalizedKey) == Catalog.ResourceClasses.Identity && sink.Pack.Keys.CommittedSecrets.IsThrowaway(e.Value)) return null;
        placeholderUnasked = true;
        return ResourceIdentifier.Identify(e.NormalizedKey, e.Value, sink.Pack.Keys, lookup, checkPlaceholder: false);
    }

    private static bool HasDigit(string v)
    {
        foreach (var c in v) if (c >= '0' && c <= '9') return true;
        return false;
    }

    private static string IdNoun(string key) =>
        key.EndsWith("CLIENTID", StringComparison.Ordinal) || key.EndsWith("CLIENT_ID", StringComparison.Ordinal) ? "OAuth client id"
        : key.IndexOf("TENANT", StringComparison.Ordinal) >= 0 ? "tenant id"
        : key.IndexOf("WORKSPACE", StringComparison.Ordinal) >= 0 ? "workspace id"
        : "project id";

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
        "identity" => "identity (OAuth client, tenant, workspace or project)",
        _ => "credentials",
    };
}
