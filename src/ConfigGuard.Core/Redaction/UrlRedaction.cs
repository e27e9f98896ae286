using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Redaction;

/// <summary>Masks the password of URLs (scheme://user:****@host) and connection strings (Password=****).</summary>
public static class UrlRedaction
{
    private static readonly Regex UrlPassword = new(@"(?<=://[^\s:/@]*:)[^\s@/]+(?=@)", RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(250));
    private static readonly Regex KeyPassword = new(@"(?<=(?:^|[;,?&\s])(?:password|pwd|pass|secret|token|apikey|api_key|key)\s*=\s*)[^;,&\s]+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, System.TimeSpan.FromMilliseconds(250));

    public static string RedactPasswords(string value)
    {
        try
        {
            var v = UrlPassword.Replace(value, "****");
            return KeyPassword.Replace(v, "****");
        }
        catch (RegexMatchTimeoutException)
        {
            return Redactor.Redact(value);
        }
    }
}
