using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>A set of whole-key regexes over normalized keys, combined into one regex (built on first use) with answers cached per key.</summary>
public sealed class KeyPatternSet
{
    private readonly Lazy<Regex> _regex;
    private readonly Concurrency.BoundedCache<string, bool> _cache = new(100_000, StringComparer.Ordinal);

    /// <param name="linear">Some patterns come from configguard.yaml: compile for the non-backtracking engine (<see cref="Text.LinearRegex"/>).</param>
    public KeyPatternSet(IEnumerable<string> patterns, bool linear = false)
    {
        var parts = new List<string>();
        foreach (var p in patterns) parts.Add("(?:" + p + ")");
        var combined = parts.Count == 0 ? "(?!)" : "^(?:" + string.Join("|", parts) + ")$";
        _regex = new Lazy<Regex>(() => linear
            ? Text.LinearRegex.Create(combined, RegexOptions.CultureInvariant, CredentialPattern.RegexTimeout)
            : new Regex(combined, RegexOptions.CultureInvariant, CredentialPattern.RegexTimeout));
    }

    /// <summary>Builds the regex now; throws ArgumentException for a bad pattern (user rule files).</summary>
    public void Validate() => _ = _regex.Value;

    public bool Matches(string normalizedKey)
    {
        if (_cache.TryGetValue(normalizedKey, out var hit)) return hit;
        bool result;
        try { result = _regex.Value.IsMatch(normalizedKey); }
        catch (RegexMatchTimeoutException) { result = false; }
        _cache.Add(normalizedKey, result);
        return result;
    }
}
