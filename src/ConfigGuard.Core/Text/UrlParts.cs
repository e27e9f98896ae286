using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Text;

/// <summary>
/// The parts of one URL inside a config value: scheme, userinfo, host list, path. Hand-written rather than
/// <see cref="Uri"/> because config values carry what RFC 3986 forbids and <see cref="Uri"/> rejects or splits
/// wrongly: passwords with a raw '/' or '@' (postgres://svc:Zq7/wr9@Kp3@db/orders), several hosts
/// (mongodb://a:27017,b:27017/db), deploy-time references (${DB_HOST}). Userinfo is what precedes the LAST '@'
/// that is followed by a host, as RFC 3986 reads it once the password's raw delimiters are taken as data; so a
/// password never spills into the host or the database name, and a redactor can mask all of it.
/// </summary>
public readonly struct UrlParts
{
    private UrlParts(int start, int schemeLength, int userInfoStart, int userInfoLength, int hostStart, int hostLength, int pathStart, int end)
    {
        Start = start;
        SchemeLength = schemeLength;
        UserInfoStart = userInfoStart;
        UserInfoLength = userInfoLength;
        HostStart = hostStart;
        HostLength = hostLength;
        PathStart = pathStart;
        End = end;
    }

    /// <summary>Index of the scheme's first character.</summary>
    public int Start { get; }
    public int SchemeLength { get; }
    /// <summary>-1 when the URL has no userinfo.</summary>
    public int UserInfoStart { get; }
    public int UserInfoLength { get; }
    public int HostStart { get; }
    public int HostLength { get; }
    /// <summary>Index of what follows the host list ('/', '?', '#' or <see cref="End"/>).</summary>
    public int PathStart { get; }
    /// <summary>End of the URL (the first whitespace or quote, or the end of the value).</summary>
    public int End { get; }

    public bool HasUserInfo => UserInfoStart >= 0;

    /// <summary>Every URL in <paramref name="value"/>, in order.</summary>
    public static List<UrlParts> FindAll(string value)
    {
        var found = new List<UrlParts>();
        int from = 0;
        while (from < value.Length)
        {
            int sep = value.IndexOf("://", from, StringComparison.Ordinal);
            if (sep < 0) break;
            if (TryParseAt(value, sep, out var url))
            {
                found.Add(url);
                from = Math.Max(url.End, sep + 3);
            }
            else from = sep + 3;
        }
        return found;
    }

    /// <summary>The URL whose "://" is at <paramref name="separator"/>: false when no scheme precedes it.</summary>
    private static bool TryParseAt(string value, int separator, out UrlParts url)
    {
        url = default;
        // Scheme: [A-Za-z][A-Za-z0-9+.-]{1,20}, and "jdbc:postgresql" style sub-schemes.
        int start = separator;
        while (start > 0 && separator - start < 32 && IsSchemeChar(value[start - 1])) start--;
        while (start < separator && !char.IsLetter(value[start])) start++;
        if (separator - start < 2) return false;
        if (start >= 5 && string.Compare(value, start - 5, "jdbc:", 0, 5, StringComparison.OrdinalIgnoreCase) == 0) start -= 5;

        int authority = separator + 3;
        int end = authority;
        while (end < value.Length && !IsUrlEnd(value[end])) end++;
        int delimiter = IndexOfAny(value, authority, end, '/', '?', '#');

        int at = -1;
        for (int i = end - 1; i >= authority; i--)
        {
            if (value[i] != '@') continue;
            if (IsUserInfo(value, authority, i) && IsHostList(value, i + 1, IndexOfAny(value, i + 1, end, '/', '?', '#'))) { at = i; break; }
        }
        int hostStart = at < 0 ? authority : at + 1;
        int pathStart = at < 0 ? delimiter : IndexOfAny(value, hostStart, end, '/', '?', '#');
        url = new UrlParts(start, separator - start, at < 0 ? -1 : authority, at < 0 ? 0 : at - authority, hostStart, pathStart - hostStart, pathStart, end);
        return true;
    }

    /// <summary>
    /// Can [start, at) be userinfo? Yes without '/', '?', '#'; with them, only in the user:password shape where the
    /// ':' comes first. "host:8080/p?e=a@b.com" is a port, a path and an e-mail in the query, not a password.
    /// </summary>
    private static bool IsUserInfo(string value, int start, int at)
    {
        int delimiter = IndexOfAny(value, start, at, '/', '?', '#');
        if (delimiter == at) return true;
        int colon = value.IndexOf(':', start, at - start);
        if (colon < 0 || colon > delimiter) return false;
        bool digitsOnly = delimiter > colon + 1;
        for (int i = colon + 1; i < delimiter && digitsOnly; i++) digitsOnly = value[i] >= '0' && value[i] <= '9';
        // "host:8080/p?e=a@b.com": a port (at most 5 digits) and a query parameter before the '@' is not a password.
        if (!digitsOnly || delimiter - colon - 1 > 5) return true;
        for (int i = delimiter; i < at; i++) if (value[i] == '=') return false;
        return true;
    }

    private static bool IsHostList(string value, int start, int end)
    {
        if (end <= start) return false;
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or '%' or ':' or ',' or '[' or ']' or '$' or '{' or '}' or '(' or ')')) return false;
        }
        return true;
    }

    private static bool IsSchemeChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '.' or '-';

    private static bool IsUrlEnd(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '`';

    private static int IndexOfAny(string value, int start, int end, char a, char b, char c)
    {
        for (int i = start; i < end; i++) if (value[i] == a || value[i] == b || value[i] == c) return i;
        return end;
    }

    public string Scheme(string value) => value.Substring(Start, SchemeLength);
    public string UserInfo(string value) => HasUserInfo ? value.Substring(UserInfoStart, UserInfoLength) : "";
    public string Hosts(string value) => value.Substring(HostStart, HostLength);
    /// <summary>The path, without query or fragment ("" when none).</summary>
    public string Path(string value)
    {
        if (PathStart >= End || value[PathStart] != '/') return "";
        int q = IndexOfAny(value, PathStart, End, '?', '#', '\0');
        return value.Substring(PathStart, q - PathStart);
    }
    /// <summary>The query without '?' ("" when none).</summary>
    public string Query(string value)
    {
        int q = value.IndexOf('?', PathStart, End - PathStart);
        if (q < 0) return "";
        int hash = value.IndexOf('#', q, End - q);
        return value.Substring(q + 1, (hash < 0 ? End : hash) - q - 1);
    }
}
