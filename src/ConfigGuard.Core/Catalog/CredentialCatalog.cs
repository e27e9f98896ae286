using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Finds credentials in text. Like gitleaks, a keyword prefilter runs first: one Aho-Corasick pass over the text
/// finds which literal keywords occur, and only the regexes of those formats run.
/// Earlier entries win when two formats match the same characters (catalog order is priority order).
/// </summary>
public sealed class CredentialCatalog
{
    private readonly CredentialPattern[] _patterns;
    private readonly KeywordGroup[] _groups;
    private readonly KeywordIndex _index;
    private readonly RegexBudget? _budget;

    /// <param name="budget">The run's budget for repository-written patterns (<see cref="CredentialPattern.UserDefined"/>): their matches are timed against it and skipped once it is spent.</param>
    public CredentialCatalog(IReadOnlyList<CredentialPattern> patterns, RegexBudget? budget = null)
    {
        _budget = budget;
        _patterns = new CredentialPattern[patterns.Count];
        for (int i = 0; i < patterns.Count; i++) _patterns[i] = patterns[i];
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _patterns.Length; i++)
        {
            if (!byKeyword.TryGetValue(_patterns[i].Keyword, out var list)) byKeyword[_patterns[i].Keyword] = list = new List<int>();
            list.Add(i);
        }
        _groups = new KeywordGroup[byKeyword.Count];
        int g = 0;
        foreach (var pair in byKeyword) _groups[g++] = new KeywordGroup(pair.Key, pair.Value.ToArray());
        var keywords = new string[_groups.Length];
        for (int i = 0; i < _groups.Length; i++) keywords[i] = _groups[i].Keyword;
        _index = new KeywordIndex(keywords);
    }

    public IReadOnlyList<CredentialPattern> Patterns => _patterns;

    /// <summary>
    /// The keywords of the patterns <paramref name="select"/> picks, as one index: <see cref="Scan"/> runs a pattern only
    /// when its keyword occurs, so a text in which none of these occurs yields no match of those patterns.
    /// </summary>
    public KeywordIndex KeywordIndexOf(Func<CredentialPattern, bool> select)
    {
        var keywords = new List<string>();
        foreach (var p in _patterns)
        {
            if (select(p) && !keywords.Contains(p.Keyword)) keywords.Add(p.Keyword);
        }
        return new KeywordIndex(keywords);
    }

    /// <summary>All credentials in the text, in order of position, without overlaps.</summary>
    public IReadOnlyList<CredentialMatch> Scan(string text)
    {
        if (string.IsNullOrEmpty(text)) return Array.Empty<CredentialMatch>();
        var present = new bool[_groups.Length];
        if (!_index.FindPresent(text, present)) return Array.Empty<CredentialMatch>();
        var candidate = new bool[_patterns.Length];
        for (int g = 0; g < _groups.Length; g++)
        {
            if (!present[g]) continue;
            foreach (var i in _groups[g].PatternIndexes) candidate[i] = true;
        }

        var found = new List<CredentialMatch>();
        var taken = new TakenSpans();
        List<UrlParts>? urls = null;
        for (int i = 0; i < _patterns.Length; i++)
        {
            if (!candidate[i]) continue;
            bool urlPassword = _patterns[i].Id.EndsWith("-url-password", StringComparison.Ordinal);
            foreach (Match m in Matches(_patterns[i], text))
            {
                if (urlPassword)
                {
                    // The regex finds the URL; where its password ends is decided as CG0002/CG0005 decide it (UrlParts:
                    // RFC 3986 userinfo up to the last '@' a host follows), so a password holding '/', '@', '?' or '#'
                    // is found whole and a query's e-mail address is not read as one.
                    urls ??= UrlParts.FindAll(text);
                    if (UrlPasswordMatch(_patterns[i], text, urls, m) is not { } url) continue;
                    if (taken.Overlaps(url.Index, url.Length) || IsStockPassword(url.Value.Substring(url.SecretOffset, url.SecretLength), m.Groups["user"])) continue;
                    taken.Add(url.Index, url.Length);
                    found.Add(url);
                    continue;
                }
                if (taken.Overlaps(m.Index, m.Length) || IsStockCredential(m)) continue;
                taken.Add(m.Index, m.Length);
                var secret = m.Groups["secret"];
                found.Add(secret.Success
                    ? new CredentialMatch(_patterns[i], m.Index, m.Length, m.Value, secret.Index - m.Index, secret.Length)
                    : new CredentialMatch(_patterns[i], m.Index, m.Length, m.Value));
            }
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private IEnumerable<Match> Matches(CredentialPattern pattern, string text)
    {
        // Only patterns that backtrack are charged: on the non-backtracking engine a match costs time linear in the value.
        if (pattern.UserDefined && _budget is not null && !LinearRegex.IsLinear(pattern.Regex)) return BudgetedMatches(pattern, text, _budget);
        return SafeMatches(pattern.Regex, text);
    }

    private static IEnumerable<Match> BudgetedMatches(CredentialPattern pattern, string text, RegexBudget budget)
    {
        var place = pattern.Place;
        var m = budget.Match(pattern.Regex, text, place);
        while (m is { Success: true })
        {
            yield return m;
            m = budget.NextMatch(m, place);
        }
    }

    private static IEnumerable<Match> SafeMatches(Regex regex, string text)
    {
        Match m;
        try { m = regex.Match(text); }
        catch (RegexMatchTimeoutException) { yield break; }
        while (m.Success)
        {
            yield return m;
            try { m = m.NextMatch(); }
            catch (RegexMatchTimeoutException) { yield break; }
        }
    }

    private static readonly HashSet<string> StockPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "changeme", "change_me", "secret_password", "mypassword", "yourpassword", "xxx", "xxxx", "****",
    };

    /// <summary>
    /// The credential of the URL the regex found at <paramref name="m"/>: from the scheme to the '@' that ends its
    /// userinfo, the secret being what follows the first ':' of the userinfo. Null when that URL has no password.
    /// </summary>
    private static CredentialMatch? UrlPasswordMatch(CredentialPattern pattern, string text, List<UrlParts> urls, Match m)
    {
        foreach (var url in urls)
        {
            if (m.Index < url.Start || m.Index >= url.End) continue;
            if (!url.HasUserInfo) return null;
            int colon = text.IndexOf(':', url.UserInfoStart, url.UserInfoLength);
            int userInfoEnd = url.UserInfoStart + url.UserInfoLength;
            // The password must follow the place the regex matched (a match that starts inside the host or path, after
            // this URL's userinfo, is not this URL's credential) and lie within the text.
            if (colon < 0 || colon + 1 >= userInfoEnd || m.Index > colon || userInfoEnd >= text.Length) return null;
            int length = userInfoEnd + 1 - m.Index;
            return new CredentialMatch(pattern, m.Index, length, text.Substring(m.Index, length), colon + 1 - m.Index, userInfoEnd - colon - 1);
        }
        return null;
    }

    /// <summary>user:password@, mongodb:mongodb@, YOUR_USERNAME:YOUR_PASSWORD@: documentation, not a credential.</summary>
    private static bool IsStockCredential(Match m)
    {
        var secret = m.Groups["secret"];
        if (!secret.Success) return false;
        return IsStockPassword(secret.Value, m.Groups["user"]);
    }

    private static bool IsStockPassword(string s, Group? userGroup)
    {
        if (StockPasswords.Contains(s)) return true;
        if (userGroup is { Success: true } user && string.Equals(user.Value, s, StringComparison.OrdinalIgnoreCase)) return true;
        var upper = s.ToUpperInvariant();
        return upper.StartsWith("YOUR", StringComparison.Ordinal) || upper.StartsWith("REPLACE", StringComparison.Ordinal)
            || upper.StartsWith("<", StringComparison.Ordinal) || upper.StartsWith("CHANGE", StringComparison.Ordinal);
    }

    /// <summary>
    /// The spans already matched, sorted and disjoint, so that an overlap test is a binary search: testing each match
    /// against every earlier one was quadratic on a long value full of credential-shaped text (a 5 MB line of
    /// sk_test_xxx keys, bench/scaling.sh placeholder-line).
    /// </summary>
    private sealed class TakenSpans
    {
        private readonly List<int> _starts = new();
        private readonly List<int> _ends = new();

        public bool Overlaps(int index, int length)
        {
            int end = index + length;
            int at = FirstStartAtOrAfter(index);
            if (at < _starts.Count && _starts[at] < end) return true;   // a span starting inside [index, end)
            return at > 0 && _ends[at - 1] > index;                     // the span before reaches into it
        }

        public void Add(int index, int length)
        {
            int at = FirstStartAtOrAfter(index);
            _starts.Insert(at, index);
            _ends.Insert(at, index + length);
        }

        private int FirstStartAtOrAfter(int index)
        {
            if (_starts.Count == 0 || _starts[_starts.Count - 1] < index) return _starts.Count; // matches come in order
            int lo = 0, hi = _starts.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_starts[mid] < index) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    private sealed class KeywordGroup
    {
        public KeywordGroup(string keyword, int[] patternIndexes)
        {
            Keyword = keyword;
            PatternIndexes = patternIndexes;
        }

        public string Keyword { get; }
        public int[] PatternIndexes { get; }
    }
}
