namespace ConfigGuard.Cli;

/// <summary>
/// "Did you mean" for a misspelled command, option or value. System.CommandLine corrects only tokens it could not
/// match and prints its candidates over several lines; ours also covers a misspelled option that landed in a PATH
/// argument (`check --frmat json`), and fits the one-line error format.
/// </summary>
internal static class Suggestions
{
    /// <summary>The closest candidate, or null when none is close (edit distance at most a third of the word, min 1).</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var word = typed.Split('=', 2)[0];
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        int allowed = Math.Max(1, word.TrimStart('-').Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } s ? $"; did you mean '{s}'?" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
