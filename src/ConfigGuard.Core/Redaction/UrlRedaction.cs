using System;
using System.Text;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Redaction;

/// <summary>
/// Masks the credentials of URLs and connection strings: the whole password of a URL's userinfo however many '/'
/// or '@' it holds (scheme://user:****@host), a userinfo that is a bare token (https://****@github.com), token-like
/// user names, secret query parameters (?access_token=****, &amp;sig=****) and secret pairs of connection strings
/// (Password=****, AccountKey=****, SharedAccessSignature=****).
/// </summary>
public static class UrlRedaction
{
    public const string Mask = "****";

    // A pair whose name says it carries a secret: password, pwd, pass, secret, token, key (AccountKey, apikey,
    // SharedAccessKey), sig/signature, auth, credential(s). Its value runs to the next ';', '&', ',' or whitespace.
    private static readonly Regex SecretPair = new(
        @"(?<=(?:^|[;,?&\s])[\w.\-]*(?:password|passwd|pwd|pass|secret|token|key|sig|signature|auth|credential|credentials)\s*=\s*)[^;,&\s]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(250));

    public static string RedactPasswords(string value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        var v = value.IndexOf("://", StringComparison.Ordinal) >= 0 ? RedactUserInfo(value) : value;
        try
        {
            return SecretPair.Replace(v, Mask);
        }
        catch (RegexMatchTimeoutException)
        {
            return Redactor.Redact(value);
        }
    }

    /// <summary>Replaces the credential parts of each URL's userinfo with <see cref="Mask"/>.</summary>
    public static string RedactUserInfo(string value)
    {
        var urls = UrlParts.FindAll(value);
        if (urls.Count == 0) return value;
        var sb = new StringBuilder(value.Length);
        int last = 0;
        foreach (var url in urls)
        {
            if (!url.HasUserInfo) continue;
            sb.Append(value, last, url.UserInfoStart - last);
            sb.Append(MaskUserInfo(url.UserInfo(value)));
            last = url.UserInfoStart + url.UserInfoLength;
        }
        sb.Append(value, last, value.Length - last);
        return sb.ToString();
    }

    /// <summary>user:pass -> user:****; a bare token or a token-like user name -> ****.</summary>
    public static string MaskUserInfo(string userInfo)
    {
        int colon = userInfo.IndexOf(':');
        if (colon < 0) return userInfo.Length == 0 ? "" : Mask;
        var user = userInfo.Substring(0, colon);
        if (LooksLikeToken(user)) user = Mask;
        return user + ":" + (colon == userInfo.Length - 1 ? "" : Mask);
    }

    /// <summary>A user name that is itself a credential (ghp_..., a 40-character hex token): long and not a plain word.</summary>
    private static bool LooksLikeToken(string user)
    {
        if (user.Length < 12) return false;
        foreach (var c in user) if (char.IsDigit(c)) return true;
        return user.Length >= 24;
    }
}
