// TEMPORARY: replaced by the real parsers from the parsers branch.
using System.Collections.Generic;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Parsing;

public static class DotEnvParser
{
    public static ParsedFile Parse(string path, string text)
    {
        var map = new LineMap(text);
        var entries = new List<ConfigEntry>();
        var comments = new List<SourceComment>();
        var errors = new List<ParseError>();
        int pos = 0;
        foreach (var line in text.Split('\n'))
        {
            var l = line.TrimEnd('\r');
            var t = l.Trim();
            if (t.StartsWith("#")) comments.Add(new SourceComment(t.Substring(1).Trim(), map.GetPosition(pos).Line, true));
            else if (t.Length > 0)
            {
                int eq = l.IndexOf('=');
                if (eq < 0) errors.Add(new ParseError("line has no '='", map.Span(pos, l.Length)));
                else
                {
                    var key = l.Substring(0, eq).Trim();
                    var v = l.Substring(eq + 1);
                    int h = v.IndexOf(" #");
                    if (h >= 0) { comments.Add(new SourceComment(v.Substring(h + 2).Trim(), map.GetPosition(pos).Line, false)); v = v.Substring(0, h); }
                    int vs = pos + eq + 1;
                    if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[v.Length - 1] == v[0]) { v = v.Substring(1, v.Length - 2); vs++; }
                    entries.Add(new ConfigEntry(key, v, map.Span(pos + l.IndexOf(key), key.Length), map.Span(vs, v.Length)));
                }
            }
            pos += line.Length + 1;
        }
        return new ParsedFile(path, ConfigFormat.DotEnv, entries, comments, errors);
    }
}

public static class AppSettingsJsonParser
{
    public static ParsedFile Parse(string path, string text) =>
        new ParsedFile(path, ConfigFormat.AppSettingsJson, new List<ConfigEntry>(), new List<SourceComment>(), new List<ParseError>());
}
