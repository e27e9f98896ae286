using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Redaction;

namespace ConfigGuard.Core.Rules;

/// <summary>Where rules report. Builds findings with default severity, a redacted value and a stable fingerprint.</summary>
public sealed class FindingSink
{
    private readonly ConcurrentBag<Finding> _findings = new();

    public FindingSink(RulePack pack, EndpointClassifier evidence, KeyPatternSet secretKeys, ResourceKeyCatalog? resources = null,
        CredentialCatalog? credentials = null)
    {
        Credentials = credentials ?? pack.Credentials;
        Pack = pack;
        Evidence = evidence;
        SecretKeys = secretKeys;
        Resources = resources ?? pack.Keys.Resources;
        _scanCredentials = e => Credentials.Scan(e.Value);
        _extractEndpoints = e => EndpointExtractor.Extract(e.NormalizedKey, e.Value, Pack.Keys);
    }

    public RulePack Pack { get; }
    /// <summary>The pack's credential catalog, plus the repository's own formats from configguard.yaml.</summary>
    public CredentialCatalog Credentials { get; }
    public EndpointClassifier Evidence { get; }
    /// <summary>The rule pack's secret-bearing keys plus those configguard.yaml adds.</summary>
    public KeyPatternSet SecretKeys { get; }
    /// <summary>The rule pack's resource keys plus those configguard.yaml adds or exempts (CG0005).</summary>
    public ResourceKeyCatalog Resources { get; }

    public ConcurrentBag<Finding> Findings => _findings;

    /// <summary>The analysed files (set by the engine before view and pair rules run).</summary>
    public IReadOnlyList<ConfigFile> Files { get; set; } = System.Array.Empty<ConfigFile>();

    private readonly ConcurrentDictionary<string, OwnDomains> _ownDomains = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The domains a pair's config shows to be the team's own, from the pair's views and every file in the folders of
    /// their layers (a folder is never split between scan batches, so the answer does not depend on batching).
    /// </summary>
    public OwnDomains OwnDomainsFor(EnvironmentPair pair)
    {
        var dirs = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var view in new[] { pair.Staging, pair.Production })
            foreach (var layer in view.Layers) dirs.Add(RepoPath.Directory(layer.Path));
        return _ownDomains.GetOrAdd(string.Join("\n", dirs) + "\n" + pair, _ =>
        {
            var entries = new List<ConfigEntry>();
            foreach (var f in Files)
                if (dirs.Contains(RepoPath.Directory(f.Path))) entries.AddRange(f.Parsed.Entries);
            foreach (var e in pair.Staging.Entries) entries.Add(e.Entry);
            foreach (var e in pair.Production.Entries) entries.Add(e.Entry);
            return new OwnDomains(entries, EndpointsIn, Resources, Pack);
        });
    }

    // A base entry reaches several views and several rules look at each value: scan it once.
    // Keyed by reference (ConfigEntry keeps object identity); the sink lives for one analysis only.
    private readonly ConcurrentDictionary<ConfigEntry, IReadOnlyList<CredentialMatch>> _credentials = new();
    private readonly ConcurrentDictionary<ConfigEntry, List<EndpointPart>> _endpoints = new();

    /// <summary>The credentials in an entry's value (computed once per entry).</summary>
    public IReadOnlyList<CredentialMatch> CredentialsIn(ConfigEntry entry) =>
        _credentials.GetOrAdd(entry, _scanCredentials);

    // Made once per sink: a lambda that uses `this` is a new delegate wherever it is written.
    private readonly Func<ConfigEntry, IReadOnlyList<CredentialMatch>> _scanCredentials;
    private readonly Func<ConfigEntry, List<EndpointPart>> _extractEndpoints;

    /// <summary>The hosts, databases and buckets an entry's value points at (computed once per entry; do not modify).</summary>
    public IReadOnlyList<EndpointPart> EndpointsIn(EffectiveEntry entry) => EndpointsIn(entry.Entry);

    /// <inheritdoc cref="EndpointsIn(EffectiveEntry)"/>
    public IReadOnlyList<EndpointPart> EndpointsIn(ConfigEntry entry) =>
        _endpoints.GetOrAdd(entry, _extractEndpoints);

    /// <param name="fingerprintValue">The part of the value the finding is about; only its hash is kept.</param>
    /// <param name="redactedValue">A safe rendering of the value, or null to show none.</param>
    /// <param name="secret">The secret the finding is about, when it is one: no message keeps 8 characters of it
    /// beyond what <paramref name="redactedValue"/> shows, whatever the rule wrote.</param>
    public void Report(string ruleId, string path, SourceSpan span, string? key, string environment, string message,
        string fingerprintValue, string? redactedValue, RelatedLocation[]? related = null, string? secret = null)
    {
        var fingerprint = Redactor.Hash(ruleId + "|" + path + "|" + (key ?? "") + "|" + Redactor.Hash(fingerprintValue)).Substring(0, 32);
        if (secret is not null)
        {
            message = SecretScrubber.Scrub(message, secret, redactedValue ?? "");
            if (related is not null)
            {
                for (int i = 0; i < related.Length; i++)
                    related[i] = new RelatedLocation(related[i].Path, related[i].Span, SecretScrubber.Scrub(related[i].Message, secret, redactedValue ?? ""));
            }
        }
        _findings.Add(new Finding(ruleId, Pack.Rule(ruleId).DefaultSeverity, path, span, key, environment, message, fingerprint, redactedValue, related, redactedValue is null ? null : fingerprintValue));
    }

    /// <summary>A safe rendering of an entry's value: redacted when the key or the value carries a secret.</summary>
    public string DisplayValue(EffectiveEntry e) => DisplayValue(e.NormalizedKey, e.Value);

    public string DisplayValue(string normalizedKey, string value)
    {
        if (SecretKeys.Matches(normalizedKey)) return Redactor.Redact(value.Trim());
        var matches = Credentials.Scan(value);
        if (matches.Count == 0) return UrlRedaction.RedactPasswords(value.Trim());
        var sb = new System.Text.StringBuilder();
        int last = 0;
        foreach (var m in matches)
        {
            sb.Append(value, last, m.Index - last).Append(m.Redacted);
            last = m.Index + m.Length;
        }
        sb.Append(value, last, value.Length - last);
        return UrlRedaction.RedactPasswords(sb.ToString().Trim());
    }

    /// <summary>The span of characters [index, index+length) of an entry's value, when the value maps 1:1 onto the source; else the whole value.</summary>
    public static SourceSpan SubSpan(ConfigEntry entry, int index, int length)
    {
        var v = entry.ValueSpan;
        if (v.IsEmpty || v.StartLine != v.EndLine || v.Length != entry.Value.Length) return v;
        return new SourceSpan(v.Start + index, length, v.StartLine, v.StartColumn + index, v.StartLine, v.StartColumn + index + length);
    }
}
