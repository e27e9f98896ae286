using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ConfigGuard.Analyzers;

namespace ConfigGuard.CodeFixes;

/// <summary>
/// The configuration key and environment variable a fix reads instead of a literal, derived from the name of the
/// member or variable that held it: <c>stripeSecretKey</c> -> <c>Stripe:SecretKey</c> / <c>STRIPE_SECRET_KEY</c>,
/// <c>OrdersConnectionString</c> -> <c>ConnectionStrings:Orders</c> / <c>ORDERS_CONNECTION_STRING</c>.
/// </summary>
internal readonly struct ConfigurationKeyName
{
    private ConfigurationKeyName(string configurationKey, string environmentVariable)
    {
        ConfigurationKey = configurationKey;
        EnvironmentVariable = environmentVariable;
    }

    public string ConfigurationKey { get; }
    public string EnvironmentVariable { get; }

    public static ConfigurationKeyName From(string name)
    {
        var words = EnvironmentExpressions.Words(name)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        // s_field, m_field, t_field: drop the one-letter Hungarian prefix.
        if (words.Count > 1 && words[0].Length == 1 && char.IsLower(words[0][0])) words.RemoveAt(0);
        if (words.Count > 1 && words[0].Equals("Get", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count == 0) words.Add("Secret");

        var pascal = words.Select(Pascal).ToList();
        var env = string.Join("_", words.Select(w => w.ToUpperInvariant()));
        string key;
        int n = pascal.Count;
        if (n >= 2 && pascal[n - 2] == "Connection" && pascal[n - 1] == "String")
        {
            key = "ConnectionStrings:" + (n > 2 ? string.Concat(pascal.Take(n - 2)) : "Default");
        }
        else
        {
            key = n >= 2 ? pascal[0] + ":" + string.Concat(pascal.Skip(1)) : pascal[0];
        }
        return new ConfigurationKeyName(key, env);
    }

    private static string Pascal(string word)
    {
        var sb = new StringBuilder(word.Length);
        sb.Append(char.ToUpperInvariant(word[0]));
        // all-caps words (URL, API) become Url, Api; mixed-case words keep their case.
        bool allUpper = word.All(c => !char.IsLetter(c) || char.IsUpper(c));
        for (int i = 1; i < word.Length; i++) sb.Append(allUpper ? char.ToLowerInvariant(word[i]) : word[i]);
        return sb.ToString();
    }
}
