using System;
using System.Collections.Generic;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// A setting of a service the environment switches off beside it: <c>Sentry:Dsn</c> with <c>IsSentryLogging: false</c>,
/// <c>SENTRY_DSN</c> with <c>SENTRY_ENABLED=false</c> or <c>SENTRY_DISABLED=true</c>. The environment never uses that
/// value, so sharing it with production shares nothing (CG0005). The switch is a key that names the same service (a
/// word of the innermost section of the setting's key other than generic ones like URL or HOST) and an on/off word,
/// with a boolean value.
/// Written by hand: token comparisons over one view's keys.
/// </summary>
internal static class SwitchedOffService
{
    private static readonly HashSet<string> OnWords = new(StringComparer.OrdinalIgnoreCase) { "enabled", "enable", "logging", "use", "active", "is" };
    private static readonly HashSet<string> OffWords = new(StringComparer.OrdinalIgnoreCase) { "disabled", "disable", "off" };
    private static readonly HashSet<string> FalseValues = new(StringComparer.OrdinalIgnoreCase) { "false", "0", "no", "off", "disabled" };
    private static readonly HashSet<string> TrueValues = new(StringComparer.OrdinalIgnoreCase) { "true", "1", "yes", "on" };
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "url", "uri", "dsn", "host", "hostname", "name", "port", "key", "keys", "secret", "token", "password", "connection", "strings", "string",
        "server", "endpoint", "address", "api", "app", "client", "settings", "config", "options", "id", "account",
    };

    public static bool In(EnvironmentView view, EffectiveEntry setting)
    {
        var words = ServiceWords(setting.Key);
        if (words.Count == 0) return false;
        foreach (var e in view.Entries)
        {
            if (ReferenceEquals(e.Entry, setting.Entry)) continue;
            var value = e.Value.Trim().Trim('"', '\'');
            bool off = FalseValues.Contains(value), on = TrueValues.Contains(value);
            if (!off && !on) continue;
            bool service = false, onWord = false, offWord = false;
            foreach (var t in WordTokens.Tokenize(e.Key))
            {
                if (words.Contains(t)) service = true;
                else if (OnWords.Contains(t)) onWord = true;
                else if (OffWords.Contains(t)) offWord = true;
            }
            if (service && ((onWord && off) || (offWord && on))) return true;
        }
        return false;
    }

    // The words of the key's innermost section that names something (Sentry for Sentry:Dsn, bucket for
    // App:Cloud:BucketName): outer sections (an app-wide prefix every key shares) would match unrelated switches.
    private static HashSet<string> ServiceWords(string key)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sections = key.Split(new[] { ":", "__", "." }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = sections.Length - 1; i >= 0 && words.Count == 0; i--)
        {
            foreach (var t in WordTokens.Tokenize(sections[i]))
            {
                if (t.Length >= 3 && !Generic.Contains(t) && !OnWords.Contains(t) && !OffWords.Contains(t)) words.Add(t);
            }
        }
        return words;
    }
}
