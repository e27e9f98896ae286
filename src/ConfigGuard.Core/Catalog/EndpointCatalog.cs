using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Catalog;

/// <summary>Provider endpoints with a live/sandbox split (rules/endpoints.yaml).</summary>
public sealed class EndpointCatalog
{
    private readonly Dictionary<string, (string Provider, CredentialMode Mode)> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Suffix, string Provider, CredentialMode Mode)> _wildcards = new();
    private readonly List<ModeSwitch> _modeSwitches = new();

    /// <summary>Keys that pick a provider's test or live system (modeSwitches), in file order.</summary>
    public IReadOnlyList<ModeSwitch> ModeSwitches => _modeSwitches;

    /// <summary>Local endpoints that are a fault in production (localEndpoints).</summary>
    public LocalEndpointCatalog LocalEndpoints { get; set; } = LocalEndpointCatalog.Empty;

    public void AddModeSwitch(ModeSwitch s)
    {
        _modeSwitches.Add(s);
        _anyNamedSwitchKey = null;
    }

    // The key patterns of every switch that names its key, in one regex: a key no switch names (nearly all of them)
    // costs one match instead of one match per switch (a 99,000-key ConfigMap took 45 s of CPU). Switches judged by
    // their value alone (key '.*') are always tried. The backtracking engine: the patterns are the rule pack's own
    // (no user input), and building the same regex for the non-backtracking engine cost ~100 ms of CPU in every run
    // that meets a key, half of `check --staged` (bench/README.md, issue 19).
    private KeyPatternSet? _anyNamedSwitchKey;

    private static bool MatchesEveryKey(ModeSwitch s) => s.KeyPattern is ".*" or ".+";

    /// <summary>
    /// The switch a key is and the mode its value selects: the first entry whose key pattern matches and whose values
    /// name a mode (PAYPAL_SANDBOX_MODE=true is read by the PayPal sandbox entry, not the PAYPAL_*MODE one); null when
    /// no key pattern matches, <see cref="CredentialMode.Generic"/> when some do but no value does.
    /// </summary>
    public (ModeSwitch Switch, CredentialMode Mode)? ClassifySwitch(string normalizedKey, string value)
    {
        var named = _anyNamedSwitchKey ??= new KeyPatternSet(_modeSwitches.FindAll(m => !MatchesEveryKey(m)).ConvertAll(m => m.KeyPattern));
        bool mayBeNamed = named.Matches(normalizedKey);
        ModeSwitch? first = null;
        foreach (var s in _modeSwitches)
        {
            if (!mayBeNamed && !MatchesEveryKey(s)) continue;
            if (!s.Key.Matches(normalizedKey)) continue;
            first ??= s;
            var mode = s.ModeOf(value);
            if (mode != CredentialMode.Generic) return (s, mode);
        }
        return first is null ? null : (first, CredentialMode.Generic);
    }

    public void Add(string provider, CredentialMode mode, string host)
    {
        if (host.StartsWith("*", StringComparison.Ordinal)) _wildcards.Add((host.Substring(1), provider, mode));
        else _exact[host] = (provider, mode);
    }

    /// <summary>
    /// The host names and wildcard suffixes (<c>.adyenpayments.com</c> for <c>*.adyenpayments.com</c>) of one mode: a host
    /// <see cref="TryClassify"/> gives that mode equals one of them or ends with one (ignoring case).
    /// </summary>
    public IEnumerable<string> HostsAndSuffixes(CredentialMode mode)
    {
        foreach (var pair in _exact) if (pair.Value.Mode == mode) yield return pair.Key;
        foreach (var w in _wildcards) if (w.Mode == mode) yield return w.Suffix;
    }

    /// <summary>The provider and mode of a host when the catalog knows it.</summary>
    public bool TryClassify(string host, out string provider, out CredentialMode mode)
    {
        if (_exact.TryGetValue(host, out var hit))
        {
            (provider, mode) = hit;
            return true;
        }
        foreach (var w in _wildcards)
        {
            if (host.EndsWith(w.Suffix, StringComparison.OrdinalIgnoreCase) && host.Length > w.Suffix.Length)
            {
                provider = w.Provider;
                mode = w.Mode;
                return true;
            }
        }
        provider = "";
        mode = CredentialMode.Generic;
        return false;
    }
}
