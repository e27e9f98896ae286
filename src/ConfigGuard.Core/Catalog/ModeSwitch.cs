using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// A key that picks a provider's test or live system without naming a host (PAYPAL_MODE=sandbox, STRIPE_TEST_MODE=true,
/// NETWORK=sepolia): rules/endpoints.yaml modeSwitches.
/// </summary>
public sealed class ModeSwitch
{
    public ModeSwitch(string provider, string keyPattern, IReadOnlyList<string> test, IReadOnlyList<string> live)
    {
        Provider = provider;
        KeyPattern = keyPattern;
        Test = test;
        Live = live;
        Key = new KeyPatternSet(new[] { keyPattern });
        // Built on first use: a run meets few switch keys, and building 50 regexes up front was a tenth of `check --staged`.
        _test = new System.Lazy<Regex?>(() => WholeValue(test));
        _live = new System.Lazy<Regex?>(() => WholeValue(live));
    }

    public string Provider { get; }
    public string KeyPattern { get; }
    public IReadOnlyList<string> Test { get; }
    public IReadOnlyList<string> Live { get; }
    internal KeyPatternSet Key { get; }

    private readonly System.Lazy<Regex?> _test;
    private readonly System.Lazy<Regex?> _live;

    /// <summary>The mode <paramref name="value"/> selects (Test or Live), or Generic when it is neither.</summary>
    public CredentialMode ModeOf(string value)
    {
        var v = value.Trim().Trim('"', '\'');
        if (v.Length == 0 || v.Length > 100) return CredentialMode.Generic;
        if (Matches(_test.Value, v)) return CredentialMode.Test;
        if (Matches(_live.Value, v)) return CredentialMode.Live;
        return CredentialMode.Generic;
    }

    /// <summary>Builds the regexes now; throws ArgumentException for a bad pattern.</summary>
    public void Validate()
    {
        Key.Validate();
        _ = _test.Value;
        _ = _live.Value;
    }

    private static Regex? WholeValue(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0) return null;
        var parts = new List<string>();
        foreach (var p in patterns) parts.Add("(?:" + p + ")");
        return new Regex("^(?:" + string.Join("|", parts) + ")$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);
    }

    private static bool Matches(Regex? r, string v)
    {
        if (r is null) return false;
        try { return r.IsMatch(v); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
