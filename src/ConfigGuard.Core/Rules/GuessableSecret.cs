using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// A secret a person typed as readable words that name it or its environment: <c>shop-socket-secret-production-2024</c>,
/// <c>Acme-api-Prod-secretkey</c>, <c>This is a secret key for JWT token</c>, <c>Dev@123</c>. Anyone who knows the app
/// guesses it; length does not help. The value is split into words at separators, at letter/digit boundaries and at
/// CamelCase; it is a guessable phrase when every part is a word (two letters or more, or "a"/"I") or a short number
/// (a year, a counter) and one word is an environment name or a word that says "secret" (rules/keys.yaml secretWords).
/// Random text splits into one-letter fragments and is never a phrase; a passphrase of unrelated words names neither.
/// Written by hand: a few character classes, no library splits identifiers this way.
/// </summary>
internal static class GuessableSecret
{
    public static bool IsGuessable(string value, RulePack pack)
    {
        if (value.Length < 4 || value.Length > 200) return false;
        var words = Split(value);
        if (words is null || words.Count < 2 || words.Count > 12) return false;
        int letters = 0;
        bool names = false;
        foreach (var w in words)
        {
            if (char.IsDigit(w[0])) { if (w.Length > 4) return false; continue; }
            if (w.Length == 1 && !(w == "a" || w == "A" || w == "I")) return false;
            letters += w.Length;
            if (pack.Keys.SecretWords.Contains(w) || pack.Environments.Classify(w) is not (Model.EnvironmentClass.Unknown or Model.EnvironmentClass.Base)) names = true;
        }
        return names && letters >= 3;
    }

    // Words of the value, or null when it holds a character that is neither a letter, a digit nor a common separator.
    private static List<string>? Split(string value)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= value.Length; i++)
        {
            char c = i < value.Length ? value[i] : ' ';
            bool alnum = c < 128 && char.IsLetterOrDigit(c);
            if (!alnum && i < value.Length && Array.IndexOf(Separators, c) < 0) return null;
            if (start >= 0 && (!alnum || Boundary(value, i)))
            {
                words.Add(value.Substring(start, i - start));
                start = -1;
            }
            if (alnum && start < 0) start = i;
        }
        return words;
    }

    // Not '.', '/' or ':': a value with them is a path, a file name, a host or a URL (/mnt/secrets/key.password,
    // https://auth.example.com/token), never a typed phrase.
    private static readonly char[] Separators = { ' ', '-', '_', '@', '#', '!', '$', '*', '+', '&', ',' };

    // A new word starts at i: letter/digit change, lower->Upper (apiKey), or the last capital of a run before a lower
    // case letter (CRMApi -> CRM, Api).
    private static bool Boundary(string s, int i)
    {
        if (i == 0 || i >= s.Length) return false;
        char p = s[i - 1], c = s[i];
        if (char.IsDigit(p) != char.IsDigit(c)) return true;
        if (char.IsLower(p) && char.IsUpper(c)) return true;
        return char.IsUpper(p) && char.IsUpper(c) && i + 1 < s.Length && char.IsLower(s[i + 1]);
    }
}
