using System;
using System.Security.Cryptography;
using System.Text;

namespace ConfigGuard.Core.Redaction;

/// <summary>
/// Turns secrets into something safe to print: a known prefix, an ellipsis and the last four characters
/// (<c>sk_live_…Q3xZ</c>). Short values are masked completely so that the visible part is never most of them.
/// </summary>
public static class Redactor
{
    public const string Ellipsis = "…";

    public static string Redact(string secret, string? prefix = null)
    {
        if (string.IsNullOrEmpty(secret)) return "";
        prefix ??= "";
        if (!secret.StartsWith(prefix, StringComparison.Ordinal)) prefix = "";
        int hidden = secret.Length - prefix.Length - 4;
        // Show at most 4 trailing characters, and only when at least 8 characters stay hidden.
        if (hidden < 8) return prefix.Length > 0 && secret.Length - prefix.Length >= 8 ? prefix + Ellipsis : "****";
        return prefix + Ellipsis + secret.Substring(secret.Length - 4);
    }

    /// <summary>Hex SHA-256 of a value: lets fingerprints and comparisons refer to a secret without holding it.</summary>
    public static string Hash(string value)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }
}
