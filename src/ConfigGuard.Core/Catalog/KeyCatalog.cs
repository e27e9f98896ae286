using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>What keys carry (rules/keys.yaml): secrets, signing secrets, hosts, databases, buckets, debug switches, placeholders.</summary>
public sealed class KeyCatalog
{
    private readonly string _placeholderPattern;
    private Regex? _placeholders;

    public KeyCatalog(
        IEnumerable<string> secretKeys,
        IEnumerable<string> signingSecretKeys,
        IEnumerable<string> hostKeys,
        IEnumerable<string> databaseKeys,
        IEnumerable<string> bucketKeys,
        IReadOnlyList<DebugSwitch> debugSwitches,
        IEnumerable<string> placeholders,
        ResourceKeyCatalog? resources = null)
    {
        Resources = resources ?? ResourceKeyCatalog.Empty;
        SecretKeyPatterns = new List<string>(secretKeys);
        SecretKeys = new KeyPatternSet(SecretKeyPatterns);
        SigningSecretKeys = new KeyPatternSet(signingSecretKeys);
        HostKeys = new KeyPatternSet(hostKeys);
        DatabaseKeys = new KeyPatternSet(databaseKeys);
        BucketKeys = new KeyPatternSet(bucketKeys);
        DebugSwitches = debugSwitches;
        var parts = new List<string>();
        foreach (var p in placeholders) parts.Add("(?:" + p + ")");
        _placeholderPattern = parts.Count == 0 ? "(?!)" : "^(?:" + string.Join("|", parts) + ")$";
    }

    /// <summary>The regexes behind <see cref="SecretKeys"/>, for combining with a repository's own.</summary>
    public IReadOnlyList<string> SecretKeyPatterns { get; }
    public KeyPatternSet SecretKeys { get; }
    public KeyPatternSet SigningSecretKeys { get; }
    public KeyPatternSet HostKeys { get; }
    public KeyPatternSet DatabaseKeys { get; }
    public KeyPatternSet BucketKeys { get; }
    public IReadOnlyList<DebugSwitch> DebugSwitches { get; }
    /// <summary>Keys that name a resource staging and production must not share (CG0005), by class.</summary>
    public ResourceKeyCatalog Resources { get; }

    /// <summary>True when the whole (trimmed) value is a placeholder such as <c>changeme</c> or <c>&lt;your key&gt;</c>.</summary>
    public bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 200) return false;
        if (_placeholderCache.TryGetValue(v, out var known)) return known;
        _placeholders ??= new Regex(_placeholderPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);
        bool result;
        try { result = _placeholders.IsMatch(v); }
        catch (RegexMatchTimeoutException) { result = false; }
        if (_placeholderCache.Count < 100_000) _placeholderCache[v] = result;
        return result;
    }

    // Values repeat across files and views (json, true, 30 ...): each distinct value is matched once.
    private readonly ConcurrentDictionary<string, bool> _placeholderCache = new(StringComparer.Ordinal);
}
