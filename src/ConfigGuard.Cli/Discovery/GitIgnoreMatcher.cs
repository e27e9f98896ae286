// Hand-written: no maintained .gitignore library is served by the registry here, and inside a git repository
// ConfigGuard asks git itself (`git ls-files --exclude-standard`), so this only serves folders that are not repositories.
// It implements the gitignore(5) rules that matter for discovery: comments, `!` negation, trailing `/` for folders,
// leading or inner `/` anchoring to the .gitignore's folder, `*`, `?`, `[...]` and `**`.
using System.Text.RegularExpressions;

namespace ConfigGuard.Cli.Discovery;

internal sealed class GitIgnoreMatcher
{
    private readonly List<(string BaseDir, Regex Regex, bool Negate, bool DirOnly)> _rules = new();

    /// <summary>Adds the rules of one .gitignore located in <paramref name="baseDir"/> (repository-relative, `/`, "" for the root).</summary>
    public void Add(string baseDir, string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            line = TrimTrailingSpaces(line);
            bool negate = line.StartsWith('!');
            if (negate) line = line[1..];
            if (line.StartsWith("\\#") || line.StartsWith("\\!")) line = line[1..];
            bool dirOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            bool anchored = line.Contains('/');
            line = line.TrimStart('/');
            var pattern = (anchored ? "^" : "^(?:.*/)?") + Translate(line) + "$";
            _rules.Add((baseDir, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), negate, dirOnly));
        }
    }

    /// <summary>Whether a repository-relative path is ignored (the last matching rule decides, as in git).</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        bool ignored = false;
        foreach (var (baseDir, regex, negate, dirOnly) in _rules)
        {
            if (dirOnly && !isDirectory) continue;
            string rel;
            if (baseDir.Length == 0) rel = path;
            else if (path.StartsWith(baseDir + "/", StringComparison.Ordinal)) rel = path[(baseDir.Length + 1)..];
            else continue;
            bool match;
            try { match = regex.IsMatch(rel); }
            catch (RegexMatchTimeoutException) { match = false; }
            if (match) ignored = !negate;
        }
        return ignored;
    }

    private static string TrimTrailingSpaces(string line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && (end < 2 || line[end - 2] != '\\')) end--;
        return line[..end];
    }

    private static string Translate(string glob)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                int close = glob.IndexOf(']', i + 1);
                if (close < 0) { sb.Append("\\["); continue; }
                var set = glob[(i + 1)..close];
                if (set.StartsWith('!')) set = "^" + set[1..];
                sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length) sb.Append(Regex.Escape(glob[++i].ToString()));
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
