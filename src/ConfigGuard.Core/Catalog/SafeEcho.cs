using System;
using ConfigGuard.Core.Redaction;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// What an error or a note may quote from a scanned or configuration file. Messages name the place and the kind of
/// problem; they quote a name (a key, a path, a rule ID) only when it is plainly a name: short, printable, no
/// credential, no URL credentials, no random-looking run. Anything else is described by its shape, never shown:
/// a line someone meant as `KEY=sk_live_...` but wrote without '=' is exactly the text an error would otherwise echo.
/// </summary>
public static class SafeEcho
{
    public const int MaxShown = 64;
    public const int MaxLocation = 160;

    /// <summary>'name' when safe to show, else "(a 40-character value, not shown)".</summary>
    public static string Quote(string text) => IsSafeName(text) ? "'" + text + "'" : Describe(text);

    /// <summary>A remote URL or a path: its credentials masked first (user:****@, ?token=****), then quoted if safe.</summary>
    public static string QuoteLocation(string text)
    {
        var masked = UrlRedaction.RedactPasswords(text);
        return IsSafeName(masked, MaxLocation) ? "'" + masked + "'" : Describe(text);
    }

    /// <summary>
    /// A key name as reports and notes print it (JSON, SARIF, Markdown, JUnit, checklist, diff, a stale baseline entry):
    /// the key itself when it is plainly a name, else its shape ("(a 51-character value, not shown)"). A key is text from
    /// the scanned file like a value: `sk_live_...=1`, or a `KEY: value` line read as one key, puts a secret where a
    /// name should be.
    /// </summary>
    public static string Key(string key) => IsSafeName(key, MaxLocation) ? key : Describe(key);

    public static string Describe(string text) => $"(a {text.Length}-character value, not shown)";

    public static bool IsSafeName(string text, int maxLength = MaxShown)
    {
        if (text.Length == 0 || text.Length > maxLength) return false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '`') return false;
            var cat = char.GetUnicodeCategory(c);
            if (cat == System.Globalization.UnicodeCategory.Format) return false; // bidi overrides, zero-width joiners
        }
        if (UrlRedaction.RedactPasswords(text) != text) return false;
        if (RulePack.Default.Credentials.Scan(text).Count > 0) return false;
        return !HasRandomRun(text);
    }

    /// <summary>
    /// A run of letters and digits (between separators) that looks generated rather than written: 16 or more
    /// characters with digits in it, or 32 or more of any kind (DefaultEndpointsProtocol is a word). Paths, host names and keys are made of words.
    /// </summary>
    public static bool HasRandomRun(string text)
    {
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i])) continue;
            int len = i - start;
            if (len >= 16)
            {
                bool digit = false;
                for (int j = start; j < i; j++) digit |= char.IsDigit(text[j]);
                if (digit || len >= 32) return true;
            }
            start = i + 1;
        }
        return false;
    }
}
