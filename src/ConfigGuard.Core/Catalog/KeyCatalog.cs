using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Concurrency;

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
        ResourceKeyCatalog? resources = null,
        IEnumerable<string>? secretPlaceholders = null,
        IEnumerable<string>? substitutionSlots = null,
        CommittedSecretCatalog? committedSecrets = null,
        IEnumerable<string>? monitoringWords = null,
        IEnumerable<string>? secretWords = null,
        IEnumerable<string>? featureFlagWords = null)
    {
        FeatureFlagWords = new HashSet<string>(featureFlagWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        SecretWords = new HashSet<string>(secretWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        CommittedSecrets = committedSecrets ?? CommittedSecretCatalog.Empty;
        MonitoringWords = new HashSet<string>(monitoringWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
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
        _secretPlaceholders = new Regex(WholeValue(secretPlaceholders), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);
        _slots = new Regex(WholeValue(substitutionSlots), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);
    }

    private static string WholeValue(IEnumerable<string>? patterns)
    {
        var parts = new List<string>();
        if (patterns is not null) foreach (var p in patterns) parts.Add("(?:" + p + ")");
        return parts.Count == 0 ? "(?!)" : "^(?:" + string.Join("|", parts) + ")$";
    }

    private readonly Regex _secretPlaceholders;
    private readonly Regex _slots;

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
    /// <summary>Keys whose value is a secret that must not be committed (CG0013 by name).</summary>
    public CommittedSecretCatalog CommittedSecrets { get; }

    /// <summary>
    /// Words that name a monitoring or telemetry service (rules/keys.yaml <c>monitoringWords</c>: prometheus, grafana,
    /// otel...), read as whole tokens of a key or of a host's first label.
    /// </summary>
    public ISet<string> MonitoringWords { get; }

    /// <summary>Words that say what a value is for (rules/keys.yaml <c>secretWords</c>: secret, password, key, token...), for CG0010's guessable secrets.</summary>
    public ISet<string> SecretWords { get; }

    /// <summary>Words that name a feature-flag service (rules/keys.yaml <c>featureFlagWords</c>): one flag server serves every environment.</summary>
    public ISet<string> FeatureFlagWords { get; }

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
        _placeholderCache.Add(v, result);
        return result;
    }

    /// <summary>
    /// True when the value, read under its key, stands for a value rather than being one: a placeholder
    /// (<see cref="IsPlaceholder(string)"/>), a substitution slot (<see cref="IsSubstitutionSlot"/>), a word that is a
    /// placeholder under a secret key (API_KEY=SECRET, DB_PASSWORD=password), the key's own name written as its
    /// value (API_KEY=API_KEY), or a URL with a placeholder in it (https://hooks.slack.com/services/your/webhook/url,
    /// https://xxx.acme.io). Such a value is no shared secret, no weak secret and no endpoint.
    /// </summary>
    public bool IsPlaceholder(string normalizedKey, string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 200) return false;
        // Each entry is seen by every view that layers it and by several rules: the answer is computed once per key and value.
        if (_keyedPlaceholderCache.TryGetValue((normalizedKey, v), out var known)) return known;
        bool result = IsPlaceholderUncached(normalizedKey, v);
        _keyedPlaceholderCache.Add((normalizedKey, v), result);
        return result;
    }

    private bool IsPlaceholderUncached(string normalizedKey, string v)
    {
        if (IsPlaceholder(v) || IsSubstitutionSlot(v)) return true;
        var asKey = Model.KeyNames.Normalize(v);
        if (asKey == normalizedKey || (asKey.Length >= 4 && normalizedKey.EndsWith("_" + asKey, StringComparison.Ordinal))) return true;
        if (SecretKeys.Matches(normalizedKey) && (Matches(_secretPlaceholders, v) || Matches(NamedLikeASecret, v))) return true;
        return IsPlaceholderUrl(v);
    }

    /// <summary>
    /// A placeholder a deployment would silently use as the value (changeme, xxx, your-api-key, &lt;your token&gt;,
    /// API_KEY=secret): what CG0008 reports. Substitution slots (&lt;KEY&gt;, PRODUCTION_URL) are not: a deployment step
    /// replaces them, and one left over fails loudly.
    /// </summary>
    public bool IsFiller(string normalizedKey, string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 2000) return false;
        // Asked for each view an entry is in (a base value: every overlay's), like IsPlaceholder: once per key and value.
        if (_keyedFillerCache.TryGetValue((normalizedKey, v), out var known)) return known;
        // The slot test last: most values are no placeholder at all, and both tests are whole-value regexes.
        bool result = ((v.Length <= 200 && (IsPlaceholder(v) || (SecretKeys.Matches(normalizedKey) && Matches(_secretPlaceholders, v)))) || HasFillerSetting(v))
            && !IsSubstitutionSlot(v);
        _keyedFillerCache.Add((normalizedKey, v), result);
        return result;
    }

    /// <summary>
    /// A connection string (name=value;name=value) one of whose settings is still a placeholder:
    /// InstrumentationKey=your-instrumentation-key-here;IngestionEndpoint=..., Server=db;Password=change_me_user. The
    /// app connects with the rest and fails (or worse, works) with the placeholder. A password setting is also filler when
    /// it is a word that stands for a password (Password=password, Pwd=secret). Settings that are substitution slots
    /// (Password={0}, Server=&lt;SERVER&gt;) are a deployment's to fill and are not filler.
    /// </summary>
    public bool HasFillerSetting(string value)
    {
        if (value.IndexOf(';') < 0 || value.IndexOf('=') < 0) return false;
        foreach (var part in value.Split(';'))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var name = part.Substring(0, eq).Trim();
            var setting = part.Substring(eq + 1).Trim().Trim('\'', '"');
            if (name.Length == 0 || setting.Length == 0 || setting.Length > 200 || !IsSettingName(name) || IsSubstitutionSlot(setting)) continue;
            if (IsPlaceholder(setting)) return true;
            var upper = name.ToUpperInvariant().Replace(" ", "");
            if ((upper is "PASSWORD" or "PWD" or "PASS") && Matches(_secretPlaceholders, setting)) return true;
        }
        return false;
    }

    private static bool IsSettingName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != ' ' && c != '_') return false;
        }
        return true;
    }

    /// <summary>A marker a deployment step replaces (&lt;KEY&gt;, &lt;path:kv/app#token&gt;, PRODUCTION_URL): left alone by CG0008, never compared.</summary>
    public bool IsSubstitutionSlot(string value)
    {
        var v = value.Trim();
        return v.Length > 0 && v.Length <= 200 && Matches(_slots, v);
    }

    // https://hooks.slack.com/services/your/webhook/url, https://<tenant>.auth0.com, https://xxx.acme.io:
    // a host label or path segment that is itself a placeholder ("your", "xxx", "<tenant>", "changeme").
    private bool IsPlaceholderUrl(string v)
    {
        int scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) return false;
        var rest = v.Substring(scheme + 3);
        int q = rest.IndexOfAny(new[] { '?', '#' });
        if (q >= 0) rest = rest.Substring(0, q);
        foreach (var segment in rest.Split('/', '.', '@', ':'))
        {
            if (segment.Length > 0 && MayBeUrlSegmentPlaceholder(segment) && Matches(UrlSegmentPlaceholder, segment)) return true;
        }
        return false;
    }

    /// <summary>
    /// False for a segment <see cref="UrlSegmentPlaceholder"/> cannot match, without running it: every one of its
    /// alternatives begins with one of these letters or marks (your.., my.., x.., change.., replace.., subdomain, &lt;,
    /// [, ...) or ends with "here" or "name". Most segments of real URLs (hosts, ports, paths) fail this at once.
    /// UrlSegmentPrefilterTests holds the two to each other.
    /// </summary>
    internal static bool MayBeUrlSegmentPlaceholder(string segment)
    {
        // Case-insensitive matching also takes a few non-ASCII letters for ASCII ones (the Kelvin sign for k): such a
        // segment goes to the regex.
        foreach (var c in segment) if (c > '\u007f') return true;
        char first = char.ToLowerInvariant(segment[0]);
        if (first is 'y' or 'm' or 'x' or 'c' or 'r' or 's' or '<' or '[' or '.') return true;
        return segment.EndsWith("here", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("name", StringComparison.OrdinalIgnoreCase);
    }

    // A secret's value that is only words naming a secret (AzureStorageConnectionString, SecretKeyStripe, sendGridAPIKey,
    // googlefontkey, keyhere): letters only, with a word like key/secret/token/password in it. Real secrets are random.
    private static readonly Regex NamedLikeASecret = new(
        @"^(?=[A-Za-z]{6,64}$)(?=.*(?:key|secret|token|password|passwd|connectionstring|credential)).*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);

    internal static readonly Regex UrlSegmentPlaceholder = new(
        @"^(?:your.*|my(?:site|domain|app|company|tenant|account)|(?:name|key|url|host|domain|site|token|secret|value|id)[-_]?here|x{3,}|change[-_]?me|replace[-_]?me|<[^<>]*>|\[[^\[\]]*\]|\.\.\.|subdomain|(?:blob|account|company|vision|bucket|project|tenant|server|storage|site|org|instance|resource|service|app)name)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);

    private static bool Matches(Regex regex, string v)
    {
        try { return regex.IsMatch(v); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>
    /// True when a word token of <paramref name="text"/> (<see cref="Text.WordTokens"/>) is in <paramref name="words"/>,
    /// one of this catalog's word lists. Keys and host names repeat across files and views: each is split once per list.
    /// </summary>
    public bool HasWordOf(ISet<string> words, string text)
    {
        if (_wordCache.TryGetValue((words, text), out var known)) return known;
        bool result = Text.WordTokens.FirstIn(text, words) is not null;
        _wordCache.Add((words, text), result);
        return result;
    }

    private readonly BoundedCache<(ISet<string> Words, string Text), bool> _wordCache = new(100_000);

    // Values repeat across files and views (json, true, 30 ...): each distinct value is matched once.
    private readonly BoundedCache<string, bool> _placeholderCache = new(100_000, StringComparer.Ordinal);
    private readonly BoundedCache<(string Key, string Value), bool> _keyedPlaceholderCache = new(100_000);
    private readonly BoundedCache<(string Key, string Value), bool> _keyedFillerCache = new(100_000);
}
