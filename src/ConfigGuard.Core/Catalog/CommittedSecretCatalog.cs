using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Secrets recognised by the key that holds them rather than by their shape (rules/keys.yaml: committedSecretKeys,
/// committedSecretExempt, publicClientKeys, secretStoreValues, throwawaySecrets): DB_PASSWORD, Jwt:Key, Okta:ApiKey, APP_KEY.
/// </summary>
public sealed class CommittedSecretCatalog
{
    public static readonly CommittedSecretCatalog Empty = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    private readonly KeyPatternSet _keys;
    private readonly KeyPatternSet _exempt;
    private readonly KeyPatternSet _public;
    private readonly HashSet<string> _clientKeyFormats;
    private readonly Regex _storeValues;
    private readonly Regex _throwaway;
    private readonly string[] _sandboxHosts;

    public CommittedSecretCatalog(IEnumerable<string> keys, IEnumerable<string> exempt, IEnumerable<string> storeValues, IEnumerable<string> throwaway, IEnumerable<string> publicClientKeys, IEnumerable<string> clientKeyFormats,
        IEnumerable<string>? sandboxAccountHosts = null)
    {
        _sandboxHosts = new List<string>(sandboxAccountHosts ?? Array.Empty<string>()).ToArray();
        _clientKeyFormats = new HashSet<string>(clientKeyFormats, StringComparer.Ordinal);
        _public = new KeyPatternSet(publicClientKeys);
        _keys = new KeyPatternSet(keys);
        _exempt = new KeyPatternSet(exempt);
        _storeValues = WholeValue(storeValues);
        _throwaway = WholeValue(throwaway);
    }

    /// <summary>The normalized key names a secret that must not be committed (and is not a public client key).</summary>
    public bool IsSecretKey(string normalizedKey) => _keys.Matches(normalizedKey) && !_exempt.Matches(normalizedKey) && !_public.Matches(normalizedKey);

    /// <summary>The key holds a value every client sees (NEXT_PUBLIC_*, *_PUBLISHABLE_KEY, Firebase web config): never a committed secret.</summary>
    public bool IsPublicClientKey(string normalizedKey) => _public.Matches(normalizedKey);

    /// <summary>A credential format providers also issue as a public client key (an AIza key), so a public key name makes it one.</summary>
    public bool IsClientKeyFormat(string credentialId) => _clientKeyFormats.Contains(credentialId);

    /// <summary>A reference to a secret store or ciphertext (dotenvx encrypted:, SOPS ENC[...], Key Vault references).</summary>
    public bool IsStoreValue(string value) => Matches(_storeValues, value.Trim());

    /// <summary>A stock word a local or example stack uses as its password (root, postgres, password1).</summary>
    public bool IsThrowaway(string value) => Matches(_throwaway, value.Trim());

    /// <summary>
    /// A host whose accounts are sandboxes (a mail catcher such as Mailtrap's sandbox inbox or a local MailHog): matched
    /// exactly or as a suffix at a dot (rules/keys.yaml sandboxAccountHosts).
    /// </summary>
    public bool IsSandboxAccountHost(string host)
    {
        var h = host.Trim().TrimEnd('.');
        foreach (var s in _sandboxHosts)
        {
            if (h.Equals(s, StringComparison.OrdinalIgnoreCase)
                || (h.Length > s.Length && h.EndsWith(s, StringComparison.OrdinalIgnoreCase) && h[h.Length - s.Length - 1] == '.')) return true;
        }
        return false;
    }

    private static Regex WholeValue(IEnumerable<string> patterns)
    {
        var parts = new List<string>();
        foreach (var p in patterns) parts.Add("(?:" + p + ")");
        var combined = parts.Count == 0 ? "(?!)" : "^(?:" + string.Join("|", parts) + ")$";
        return new Regex(combined, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline, CredentialPattern.RegexTimeout);
    }

    private static bool Matches(Regex regex, string value)
    {
        if (value.Length == 0 || value.Length > 16384) return false;
        try { return regex.IsMatch(value); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
