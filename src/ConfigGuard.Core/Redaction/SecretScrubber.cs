using System;
using System.Collections.Generic;
using System.Text;

namespace ConfigGuard.Core.Redaction;

/// <summary>
/// The last line of defence for a finding's message: whatever a rule put in it, no run of 8 or more characters of the
/// secret it reports survives, beyond the documented prefix and last four that <see cref="Redactor.Redact"/> shows.
/// Each 8-character window of the secret is looked up in the message; every character a window covers is replaced
/// (a run of covered characters becomes one <see cref="Redactor.Ellipsis"/>).
/// </summary>
public static class SecretScrubber
{
    public const int Window = 8;

    /// <param name="shown">The redacted rendering of the secret (sk_live_…Q3xZ, postgres://app:****@): what it shares
    /// with the secret (the prefix, the scheme and user) is public by contract and stays.</param>
    public static string Scrub(string message, string secret, string shown = "")
    {
        if (string.IsNullOrEmpty(message) || secret is null || secret.Length < Window || message.Length < Window) return message;
        var windows = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + Window <= secret.Length; i++)
        {
            var w = secret.Substring(i, Window);
            if (shown.IndexOf(w, StringComparison.Ordinal) < 0) windows.Add(w);
        }
        if (windows.Count == 0) return message;
        bool[]? covered = null;
        for (int i = 0; i + Window <= message.Length; i++)
        {
            if (!windows.Contains(message.Substring(i, Window))) continue;
            covered ??= new bool[message.Length];
            for (int j = i; j < i + Window; j++) covered[j] = true;
        }
        if (covered is null) return message;
        var sb = new StringBuilder(message.Length);
        for (int i = 0; i < message.Length; i++)
        {
            if (!covered[i]) sb.Append(message[i]);
            else if (i == 0 || !covered[i - 1]) sb.Append(Redactor.Ellipsis);
        }
        return sb.ToString();
    }
}
