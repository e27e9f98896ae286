using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Text;

/// <summary>
/// Path globs as configguard.yaml and .editorconfig write them: <c>**</c> any number of folders, <c>*</c> and
/// <c>?</c> within one segment, <c>[abc]</c>, <c>{a,b}</c>. A pattern without <c>/</c> matches the file name at
/// any depth. Hand-written because no glob library is served here; translated once to a regex that runs on the
/// non-backtracking engine (<see cref="LinearRegex"/>): `*a*a*a*a*b` against a long name backtracked for 250 ms per path.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var p = pattern.Replace('\\', '/');
        bool anchored = p.IndexOf('/') >= 0 && !p.StartsWith("**/", StringComparison.Ordinal);
        p = p.TrimStart('/');
        if (p.EndsWith("/", StringComparison.Ordinal)) p += "**";
        _regex = LinearRegex.Create((anchored ? "^" : "(?:^|/)") + Translate(p) + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
    }

    public string Pattern { get; }

    /// <summary>Matches a repository-relative path with <c>/</c> separators.</summary>
    public bool IsMatch(string path)
    {
        try { return _regex.IsMatch(path); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static string Translate(string p)
    {
        var sb = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            switch (c)
            {
                case '*' when i + 1 < p.Length && p[i + 1] == '*':
                    bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                    sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                    break;
                case '*': sb.Append("[^/]*"); break;
                case '?': sb.Append("[^/]"); break;
                case '[':
                    int close = p.IndexOf(']', i + 1);
                    if (close < 0) { sb.Append("\\["); break; }
                    var set = p.Substring(i + 1, close - i - 1);
                    if (set.StartsWith("!", StringComparison.Ordinal)) set = "^" + set.Substring(1);
                    sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                case '{': braces++; sb.Append("(?:"); break;
                case '}' when braces > 0: braces--; sb.Append(')'); break;
                case ',' when braces > 0: sb.Append('|'); break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        while (braces-- > 0) sb.Append(')');
        return sb.ToString();
    }
}
