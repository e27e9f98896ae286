using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// A secret recognised by the key that holds it (DB_PASSWORD, Jwt:Key, Okta:ApiKey, APP_KEY) when no provider format
/// matches its value: committed in a file that is deployed (staging, production, or a base they inherit), with a
/// value that is a literal secret, not a placeholder, a deploy-time reference, a secret-store reference, ciphertext,
/// a stock local password, a path or a URL (URLs are judged by their own formats). In a development or test file only
/// the password of an account on a remote server counts (SMTP_PASS beside SMTP_HOST=smtp.gmail.com, DB_PASSWORD beside
/// a shared dev database's host name): a real account anyone with the file can use, whatever environment reads it;
/// a local stack's passwords there are throwaways.
/// </summary>
internal static class SecretByName
{
    public static bool IsCommitted(ConfigFile file, ConfigEntry e, KeyCatalog keys)
    {
        var cls = file.Environment.Class;
        bool deployed = cls is EnvironmentClass.Staging or EnvironmentClass.Production or EnvironmentClass.Base;
        if (!deployed && cls is not (EnvironmentClass.Development or EnvironmentClass.Test)) return false;
        var key = e.NormalizedKey;
        if (!keys.CommittedSecrets.IsSecretKey(key)) return false;
        var v = e.Value.Trim();
        if (!LooksLikeALiteralSecret(key, v, keys, file.Format)) return false;
        return deployed ? !GuardsALocalServer(file, key) : GuardsARemoteAccount(file, key, keys);
    }

    private static bool LooksLikeALiteralSecret(string key, string v, KeyCatalog keys, ConfigFormat format)
    {
        if (v.Length < 8 || v.Length > 8192) return false;
        if (!IsAppPassword(v))
        {
            foreach (var c in v)
            {
                if (char.IsWhiteSpace(c)) return false;
            }
        }
        if (v.IndexOf("://", StringComparison.Ordinal) >= 0 || IsPath(v)) return false;
        if (IsDigits(v)) return false; // an id (a Discord role, an account number), not a secret anyone generates
        // appsettings JSON is read as written (no shell expands it), so '$pheRex@2o2!' is a password that starts with '$';
        // a whole $VAR or an embedded ${VAR} is still a reference an envsubst step fills.
        var reference = format == ConfigFormat.AppSettingsJson ? ValueReference.IsReferenceInUnexpandedText(v) : ValueReference.IsReference(v);
        if (reference || keys.IsPlaceholder(v) || keys.IsPlaceholder(key, v)) return false;
        if (keys.CommittedSecrets.IsStoreValue(v) || keys.CommittedSecrets.IsThrowaway(v)) return false;
        var asKey = KeyNames.Normalize(v);
        if (asKey == key || key.Replace("_", "").EndsWith(asKey.Replace("_", ""), StringComparison.Ordinal)) return false;
        if (DescribesItself(v)) return false;
        return new System.Collections.Generic.HashSet<char>(v.ToLowerInvariant()).Count > 3;
    }

    // SecretKeyStripe, sendGridAPIKey, ElasticSecretToken, PRODUCTION_SECRET_KEY_MUST_BE_LONG, accounts-pwd: a value
    // that names what belongs there is an example, not a secret (random text almost never spells these words).
    private static readonly System.Text.RegularExpressions.Regex SelfDescribing = new(
        @"secret|passw(or)?d|token|api[-_]?key|credential|change[-_]?me|replace[-_]?me|example|sample|dummy|placeholder|(?<![a-z])pwd(?![a-z])|(?<![a-z])key(?![a-z])|key$|(?<=[a-z])Key",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, Catalog.CredentialPattern.RegexTimeout);

    internal static bool DescribesItself(string v)
    {
        try { return SelfDescribing.IsMatch(v) || SelfDescribing.IsMatch(v.ToLowerInvariant()); }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { return false; }
    }

    // Google (Gmail) app passwords are shown as four groups of four lower-case letters ("abcd efgh ijkl mnop") and
    // pasted that way; the spaces are part of how it is written, not prose. Written here, not in credentials.yaml: the
    // shape has no literal keyword for the prefilter and means a secret only under a password key.
    private static readonly System.Text.RegularExpressions.Regex AppPassword = new(
        @"^[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, Catalog.CredentialPattern.RegexTimeout);

    internal static bool IsAppPassword(string v) => v.Length == 19 && AppPassword.IsMatch(v);

    private static bool IsPath(string v) =>
        v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)
        || (v.Length > 2 && v[1] == ':' && (v[2] == '\\' || v[2] == '/'))
        || v.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
        || v.EndsWith(".key", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
        || v.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    private static bool IsDigits(string v)
    {
        foreach (var c in v)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }

    private static readonly string[] PasswordSuffixes = { "PASSPHRASE", "PASSWORD", "PASSWD", "PWD", "PASS" };
    private static readonly string[] HostSuffixes = { "HOST", "HOSTNAME", "SERVER", "ADDR", "ADDRESS", "DSN", "URL", "URI", "CONNECTION", "CONNECTION_STRING" };

    /// <summary>
    /// DB_PASSWORD beside DB_HOST=localhost (or, in a base file, DB_HOST=db, a compose service): the password of a server
    /// on the developer's machine or in the local stack, a throwaway nobody outside can use.
    /// </summary>
    private static bool GuardsALocalServer(ConfigFile file, string key)
    {
        foreach (var host in SiblingHosts(file, key))
        {
            if (HostFacts.IsLocal(host) || (!file.Environment.Class.IsDeployable() && HostFacts.IsDeploymentLocal(host))) return true;
        }
        return false;
    }

    /// <summary>
    /// SMTP_PASS beside SMTP_HOST=smtp.gmail.com, MAIL_PASSWORD beside MAIL_HOST=smtp.mail.ovh.net, DB_PASSWORD beside
    /// DB_HOST=devdb.acme-cloud.net: the password of an account on a server outside the developer's machine and local
    /// stack (a qualified remote name), other than a mail catcher's sandbox inbox (rules/keys.yaml sandboxAccountHosts).
    /// </summary>
    private static bool GuardsARemoteAccount(ConfigFile file, string key, KeyCatalog keys)
    {
        bool remote = false;
        foreach (var host in SiblingHosts(file, key))
        {
            if (!HostFacts.IsRemoteName(host) || keys.CommittedSecrets.IsSandboxAccountHost(host)) return false;
            remote = true;
        }
        return remote;
    }

    // The host keys beside a password key of the same prefix (DB_PASSWORD: DB_HOST, DB_SERVER, DB_URL...), as host names.
    private static IEnumerable<string> SiblingHosts(ConfigFile file, string key)
    {
        string? prefix = null;
        foreach (var s in PasswordSuffixes)
        {
            if (key.EndsWith(s, StringComparison.Ordinal)) { prefix = key.Substring(0, key.Length - s.Length).TrimEnd('_'); break; }
        }
        if (prefix is null) yield break;
        foreach (var other in file.Parsed.Entries)
        {
            var k = other.NormalizedKey;
            if (!k.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = k.Substring(prefix.Length).TrimStart('_');
            if (Array.IndexOf(HostSuffixes, rest) < 0) continue;
            var host = ConnectionStringServer.Of(other.Value) ?? HostOf(other.Value);
            if (host.Length > 0) yield return host;
        }
    }

    internal static string HostOf(string value)
    {
        var v = value.Trim();
        int scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) v = v.Substring(scheme + 3);
        int at = v.LastIndexOf('@');
        if (at >= 0) v = v.Substring(at + 1);
        if (v.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase)) v = v.Substring(4);
        if (v.StartsWith("[", StringComparison.Ordinal)) { int close = v.IndexOf(']'); return close > 0 ? v.Substring(0, close + 1) : v; }
        int stop = v.IndexOfAny(new[] { ':', '/', ',', '\\', '?', ';' });
        return stop < 0 ? v : v.Substring(0, stop);
    }
}
