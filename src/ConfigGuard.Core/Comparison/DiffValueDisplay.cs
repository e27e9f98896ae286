using System;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Redaction;
using ConfigGuard.Core.Rules;

namespace ConfigGuard.Core.Comparison;

/// <summary>
/// What `configguard diff` may print of a value: default-deny. A value is shown only when it is known to be harmless
/// (a switch, a number, a size or a duration, a word, a host, a URL or a connection string whose credentials are
/// masked, a list of those) and its key does not name a secret; anything else is redacted to its last four characters.
/// A PEM key from `secretGenerator files:`, an Azure AccountKey under `AzureWebJobsStorage`, a password under
/// `ADMIN_LOGIN`: none of them has a shape that is known to be harmless, so none is printed.
/// </summary>
public static class DiffValueDisplay
{
    public const int MaxShown = 256;

    // Broader than the pack's secret keys on purpose: a diff column costs nothing when over-masked.
    private static readonly Regex SecretishKey = new(
        @"SECRET|PASSW|PWD|TOKEN|KEY|PRIVATE|CREDENTIAL|SIGNING|SIGNATURE|SALT|CERT|PEM|AUTH|COOKIE|SESSION|HMAC|PASSPHRASE|PIN$|OTP|SEED|NONCE|LICENSE",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(250));

    private static readonly Regex Scalar = new(
        @"^(?:[+-]?\d+(?:[.,]\d+)*(?:[A-Za-z%]{1,3})?|true|false|yes|no|on|off|enabled|disabled|none|null|nil)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(250));

    public static string Show(EffectiveEntry e, RulePack pack, FindingSink sink) => Show(e.NormalizedKey, e.Value, pack, sink);

    public static string Show(string normalizedKey, string rawValue, RulePack pack, FindingSink sink)
    {
        var value = rawValue.Trim();
        if (value.Length == 0) return "";
        bool secretKey = sink.SecretKeys.Matches(normalizedKey) || pack.Keys.SigningSecretKeys.Matches(normalizedKey) || IsSecretishKey(normalizedKey);
        if (secretKey)
        {
            if (Scalar.IsMatch(value) && value.Length <= 5) return value;
            // A connection string under ConnectionStrings:X keeps its server and database; its secrets are masked.
            var pairs = ConnectionStringDisplay.Mask(value);
            if (pairs is not null && !HasUnmaskedCredential(sink.Credentials, pairs) && IsHarmless(pairs)) return pairs;
            // A value that is one known credential keeps its documented redaction (sk_live_…Q3xZ).
            var only = sink.Credentials.Scan(value);
            return only.Count == 1 && only[0].Length == value.Length ? only[0].Redacted : Redactor.Redact(value);
        }
        // Credentials replaced by their documented redaction (sk_live_…Q3xZ), URL and pair credentials masked.
        var masked = sink.DisplayValue(normalizedKey, value);
        if (HasUnmaskedCredential(sink.Credentials, masked)) return Redactor.Redact(value);
        return IsHarmless(masked) ? masked : Redactor.Redact(value);
    }

    private static bool IsSecretishKey(string normalizedKey)
    {
        try { return SecretishKey.IsMatch(normalizedKey); }
        catch (RegexMatchTimeoutException) { return true; }
    }

    /// <summary>
    /// Printable, one line, short; no credential; no run that looks generated (16+ letters and digits with a digit, or
    /// 24+); no word that mixes letters and digits inside it the way passwords do (s3cr3t, Passw0rd) unless the
    /// value is a host or a URL (ip-10-0-1-2.ec2.internal).
    /// </summary>
    public static bool IsHarmless(string value)
    {
        if (value.Length > MaxShown) return false;
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029') return false;
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) return false;
        }
        try { if (Scalar.IsMatch(value)) return true; }
        catch (RegexMatchTimeoutException) { return false; }
        if (HasUnmaskedCredential(RulePack.Default.Credentials, value) || SafeEcho.HasRandomRun(value)) return false;
        if (value.IndexOf("-----", StringComparison.Ordinal) >= 0) return false;
        bool addressLike = value.IndexOf("://", StringComparison.Ordinal) > 0 || IsHostName(value);
        return addressLike || !HasPasswordLikeWord(value);
    }

    /// <summary>A credential other than one whose secret is already <see cref="UrlRedaction.Mask"/> (redis://:****@).</summary>
    private static bool HasUnmaskedCredential(CredentialCatalog credentials, string value)
    {
        foreach (var m in credentials.Scan(value))
        {
            if (m.Value.IndexOf(UrlRedaction.Mask, StringComparison.Ordinal) < 0) return true;
        }
        return false;
    }

    private static bool HasPasswordLikeWord(string value)
    {
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsLetterOrDigit(value[i])) continue;
            // A digit with letters on both sides inside one word.
            for (int j = start + 1; j < i - 1; j++)
            {
                if (char.IsDigit(value[j]) && char.IsLetter(value[j - 1]) && HasLetterAfter(value, j, i)) return true;
            }
            if (LooksGenerated(value, start, i)) return true;
            start = i + 1;
        }
        return false;
    }

    /// <summary>
    /// Letters a person did not write: upper, lower, upper in a row (kqjcYfPh; camelCase has words between its
    /// capitals), or 10 or more letters with under a fifth vowels (xkcdqwrtzplm).
    /// </summary>
    private static bool LooksGenerated(string value, int start, int end)
    {
        if (end - start < 8) return false;
        int vowels = 0, letters = 0;
        for (int k = start; k < end; k++)
        {
            char c = value[k];
            if (!char.IsLetter(c)) continue;
            letters++;
            if ("aeiouyAEIOUY".IndexOf(c) >= 0) vowels++;
            if (k + 2 < end && char.IsUpper(c) && char.IsLower(value[k + 1]) && char.IsUpper(value[k + 2])) return true;
        }
        return letters >= 10 && vowels * 5 < letters;
    }

    private static bool HasLetterAfter(string value, int j, int end)
    {
        for (int k = j + 1; k < end; k++) if (char.IsLetter(value[k])) return true;
        return false;
    }

    /// <summary>db-1.prod.acme.internal, cache.acme.example:6379: dot-separated labels, the last one letters only.</summary>
    private static bool IsHostName(string value)
    {
        var v = value;
        int colon = v.LastIndexOf(':');
        if (colon > 0) v = v.Substring(0, colon);
        var labels = v.Split('.');
        if (labels.Length < 2) return false;
        foreach (var l in labels)
        {
            if (l.Length == 0 || l.Length > 63) return false;
            foreach (var c in l) if (!(char.IsLetterOrDigit(c) || c == '-')) return false;
        }
        foreach (var c in labels[labels.Length - 1]) if (!char.IsLetter(c)) return false;
        return true;
    }
}
