using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// Reads an `envs:`/`env:` file the way kustomize v5.5.0 does (a third dialect, neither dotenv's): line by line, a UTF-8
/// BOM stripped on line 1, leading whitespace trimmed, empty and `#` lines skipped; the key is everything before the
/// first `=` (trailing spaces kept), the value everything after it (no quote removal, no trimming, no inline comments).
/// A line without `=` is the key with an empty value (v5.5.0 does not read the process environment), but only when
/// it is a name: a line such as `API_TOKEN: s3cr3t` (YAML written into an env file) would make the whole line, secret
/// included, a key that every output prints; it is reported as an error at its line instead (without its text), and
/// left out.
/// </summary>
public static class KustomizeEnvFileReader
{
    public static List<ConfigEntry> Read(string path, string text, List<ParseError>? errors = null)
    {
        var entries = new List<ConfigEntry>();
        var map = new LineMap(text);
        int offset = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') offset = 1;
        while (offset <= text.Length)
        {
            int nl = text.IndexOf('\n', offset);
            int end = nl < 0 ? text.Length : nl;
            int lineEnd = end > offset && text[end - 1] == '\r' ? end - 1 : end; // bufio.ScanLines drops one \r
            int start = offset;
            while (start < lineEnd && char.IsWhiteSpace(text[start])) start++;
            if (start < lineEnd && text[start] != '#')
            {
                int eq = text.IndexOf('=', start, lineEnd - start);
                string key = eq < 0 ? text.Substring(start, lineEnd - start) : text.Substring(start, eq - start);
                int vStart = eq < 0 ? lineEnd : eq + 1;
                string value = text.Substring(vStart, lineEnd - vStart);
                if (eq < 0 && !IsKeyName(key))
                {
                    errors?.Add(new ParseError("line has no '=' and is not a key name (kustomize would make the whole line a key); write KEY=value", map.Span(start, key.Length)));
                }
                else entries.Add(new ConfigEntry(key, value, map.Span(start, key.Length), map.Span(vStart, value.Length), path));
            }
            if (nl < 0) break;
            offset = nl + 1;
        }
        return entries;
    }

    /// <summary>An environment variable name as Kubernetes validates it: [-._a-zA-Z][-._a-zA-Z0-9]*.</summary>
    private static bool IsKeyName(string key)
    {
        if (key.Length == 0 || char.IsDigit(key[0])) return false;
        foreach (var c in key)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_')) return false;
        }
        return true;
    }
}
