using System.Globalization;
using System.Text;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// Everything that comes from a scanned file (a path, a key, a value, a message quoting either) is untrusted: a file
/// name with a newline and `::error ::` in it, a JSON key holding ESC[2K, a YAML scalar with U+202E. Each output format
/// escapes it with the rules of that format, here, in one place: a terminal line (<see cref="Line"/>), a GitHub Actions
/// workflow command (<see cref="GitHubData"/>, <see cref="GitHubProperty"/>), Markdown (<see cref="Markdown"/>,
/// <see cref="MarkdownCode"/>), XML 1.0 (<see cref="Xml"/>), and JSON (<see cref="Json"/>: well-formed UTF-16 only;
/// System.Text.Json escapes the rest).
/// </summary>
internal static class Untrusted
{
    /// <summary>
    /// One line of terminal or log text: C0 and C1 controls, DEL, line and paragraph separators, bidi overrides and
    /// other invisible format characters become visible escapes (\n, \x1b, \u202e); lone surrogates become U+FFFD.
    /// A line can then start only where the writer starts it.
    /// </summary>
    public static string Line(string s)
    {
        if (s is null) return "";
        if (IsPlain(s)) return s;
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) { sb.Append('\uFFFD'); continue; }
            switch (c)
            {
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
            }
            if (NeedsEscape(c)) sb.Append(c < 0x100 ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A path at the start of a text line: also never "::" there (a GitHub Actions log reads "::cmd" as a command).</summary>
    public static string LineStart(string s)
    {
        var line = Line(s);
        return line.StartsWith("::", StringComparison.Ordinal) ? "./" + line : line;
    }

    /// <summary>The message of a workflow command: %, CR and LF escaped as @actions/core does (the runner decodes them
    /// inside the annotation: never a new command line), every other control or bidi character made visible.</summary>
    public static string GitHubData(string s) => Line((s ?? "").Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    /// <summary>A property of a workflow command (file=, title=): also ':' and ','.</summary>
    public static string GitHubProperty(string s) => GitHubData(s).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>
    /// Markdown text (a table cell, a list item): one line; HTML and every ASCII punctuation character that Markdown
    /// gives meaning to backslash-escaped, so a value's `[x](https://…)`, `![](…)`, `**`, `|` or a bare
    /// `https://` (GitHub's autolinks) is shown as text, never as a link, an image or markup.
    /// </summary>
    public static string Markdown(string s)
    {
        var line = Line(s);
        var sb = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '(': case ')':
                case '#': case '+': case '!': case '|': case '~': case ':': case '/': case '.': case '@':
                    sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Inside a code span (`…`): one line, no backtick (it would close the span), '|' escaped for tables.</summary>
    public static string MarkdownCode(string s) => Line(s).Replace("`", "'").Replace("|", "\\|");

    /// <summary>XML 1.0 text or attribute: characters XML cannot carry, even escaped, become U+FFFD (XmlWriter escapes the rest).</summary>
    public static string Xml(string s)
    {
        if (s is null) return "";
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            bool ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            sb.Append(ok && !NeedsEscape(c) || c is '\t' or '\n' or '\r' ? c : '\uFFFD');
        }
        return sb.ToString();
    }

    /// <summary>JSON string: well-formed UTF-16 (a lone surrogate becomes U+FFFD); the JSON writer escapes controls.</summary>
    public static string Json(string s)
    {
        if (s is null) return "";
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb?.Append(c).Append(s[i + 1]); i++; continue; }
            if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                sb.Append('\uFFFD');
                continue;
            }
            sb?.Append(c);
        }
        return sb?.ToString() ?? s;
    }

    private static bool IsPlain(string s)
    {
        foreach (var c in s) if (c < 0x20 || c >= 0x7F) return false;
        return true;
    }

    private static bool NeedsEscape(char c)
    {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;
        if (c is '\u2028' or '\u2029') return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.Format or UnicodeCategory.Control;
    }
}
