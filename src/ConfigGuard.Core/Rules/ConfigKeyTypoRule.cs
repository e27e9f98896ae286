using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG1008: a config key nothing reads that is a small edit away from a key the code reads and the same environment does
/// not set (<c>Strpe:SecretKey</c> beside a read of <c>Stripe:SecretKey</c>): the real key is unset and the code falls
/// back to its default. Keys are compared case-insensitively, segment by segment (same number of segments), with an
/// edit budget of 1 for keys up to 10 characters and 2 beyond; a key under a section the code reads whole, binds to an
/// options type or reads with a run-time key is read, not a typo. Reported at the config key, in any environment.
/// </summary>
public sealed class ConfigKeyTypoRule : ICodeRule
{
    public string Id => "CG1008";

    public void Analyze(CodeConfigContext context, FindingSink sink)
    {
        var configReads = context.Code.Reads.Where(r => r.Kind != ConfigKeyReadKind.EnvironmentVariable && !r.IsSection && r.Key.Length >= 4).ToList();
        var variableReads = context.Code.Reads.Where(r => r.Kind == ConfigKeyReadKind.EnvironmentVariable && r.Key.Length >= 4).ToList();
        var readKeys = new HashSet<string>(context.Code.Reads.Select(r => r.Key), StringComparer.OrdinalIgnoreCase);
        var wholeSections = context.Code.Reads.Where(r => r.IsSection).Select(r => r.Key).Concat(context.Code.OpaqueSections).ToList();
        var reported = new HashSet<(string, int)>();
        foreach (var env in context.Environments)
        {
            foreach (var provided in env.Keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Span.Start))
            {
                if (readKeys.Contains(provided.Key) || wholeSections.Any(s => s.Length == 0 || Under(provided.Key, s))) continue;
                foreach (var read in configReads)
                    if (Check(provided, provided.Key, read, env, sink, reported)) break;
            }
            foreach (var variable in env.Variables.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.Span.Start))
            {
                if (readKeys.Contains(variable.Key)) continue;
                foreach (var read in variableReads)
                    if (Check(variable, variable.Key, read, env, sink, reported)) break;
            }
        }
    }

    private bool Check(ProvidedKey provided, string key, ConfigKeyRead read, EnvironmentKeySet env, FindingSink sink, HashSet<(string, int)> reported)
    {
        if (!IsNear(key, read.Key) || env.Find(read) is not null) return false;
        if (!reported.Add((provided.Path, provided.Span.Start))) return true;
        sink.Report(Id, provided.Path, provided.Span, key, env.Name,
            $"{key} in {env.Name} is read by no code and is one slip away from {read.Key}, which the code reads ({read.Path}:{read.Span.StartLine}) " +
            $"and {env.Name} does not set: a typo? rename it to {read.Key}",
            key + "|" + read.Key, null, new[] { new RelatedLocation(read.Path, read.Span, $"{read.Key} is read here") });
        return true;
    }

    private static bool Under(string key, string section) =>
        key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase);

    /// <summary>Same number of segments, and at most 1 (keys up to 10 chars) or 2 edits in total, not 0.</summary>
    public static bool IsNear(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return false;
        var sa = a.Split(':');
        var sb = b.Split(':');
        if (sa.Length != sb.Length) return false;
        int budget = Math.Min(a.Length, b.Length) <= 10 ? 1 : 2;
        int total = 0;
        for (int i = 0; i < sa.Length && total <= budget; i++) total += Distance(sa[i].ToUpperInvariant(), sb[i].ToUpperInvariant(), budget - total + 1);
        return total > 0 && total <= budget;
    }

    /// <summary>Optimal string alignment distance (adjacent transpositions count 1), stopping once it exceeds <paramref name="cap"/>.</summary>
    private static int Distance(string s, string t, int cap)
    {
        if (s == t) return 0;
        if (Math.Abs(s.Length - t.Length) > cap) return cap + 1;
        var d = new int[s.Length + 1, t.Length + 1];
        for (int i = 0; i <= s.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= t.Length; j++) d[0, j] = j;
        for (int i = 1; i <= s.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= t.Length; j++)
            {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return d[s.Length, t.Length];
    }
}
