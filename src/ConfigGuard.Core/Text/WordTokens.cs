using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Text;

/// <summary>
/// Splits hosts, database names and values into word tokens: at any non-alphanumeric character and at
/// lower-to-upper case changes, with trailing digits dropped (<c>prod01</c> -> <c>prod</c>). Matching whole
/// tokens is what keeps <c>product-service</c>, <c>reproduce</c> and <c>producer</c> from reading as "prod".
/// </summary>
public static class WordTokens
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool boundary = i == text.Length || !char.IsLetterOrDigit(text[i])
                || (i > 0 && start >= 0 && char.IsUpper(text[i]) && char.IsLower(text[i - 1]));
            if (boundary && start >= 0)
            {
                Add(tokens, text.Substring(start, i - start));
                start = -1;
            }
            if (i < text.Length && char.IsLetterOrDigit(text[i]) && start < 0) start = i;
        }
        return tokens;
    }

    private static void Add(List<string> tokens, string token)
    {
        int end = token.Length;
        while (end > 0 && char.IsDigit(token[end - 1])) end--;
        if (end == 0) return;
        tokens.Add(token.Substring(0, end).ToLowerInvariant());
    }

    /// <summary>The first token of <paramref name="text"/> that is in <paramref name="set"/>, or null.</summary>
    public static string? FirstIn(string text, ISet<string> set)
    {
        foreach (var t in Tokenize(text))
        {
            if (set.Contains(t)) return t;
        }
        return null;
    }
}
