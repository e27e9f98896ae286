// Hand-written: no maintained .gitignore library is served by the registry here, and inside a git repository
// ConfigGuard asks git itself (`git ls-files --exclude-standard`) to discover files, so this serves folders that are not
// repositories, and the kustomize model (is a missing input git-ignored on purpose?), which has only file texts.
// It implements the gitignore(5) rules that matter for discovery: comments, `!` negation, trailing `/` for folders,
// leading or inner `/` anchoring to the .gitignore's folder, `*`, `?`, `[...]` and `**`.
using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Text;

public sealed class GitIgnoreMatcher
{
    private readonly List<(string BaseDir, Regex Regex, bool Negate, bool DirOnly)> _rules = new();

    /// <summary>Adds the rules of one .gitignore located in <paramref name="baseDir"/> (repository-relative, `/`, "" for the root).</summary>
    public void Add(string baseDir, string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            line = TrimTrailingSpaces(line);
            bool negate = line.StartsWith("!", StringComparison.Ordinal);
            if (negate) line = line.Substring(1);
            if (line.StartsWith("\\#", StringComparison.Ordinal) || line.StartsWith("\\!", StringComparison.Ordinal)) line = line.Substring(1);
            bool dirOnly = line.EndsWith("/", StringComparison.Ordinal);
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            bool anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            var pattern = (anchored ? "^" : "^(?:.*/)?") + Translate(line) + "$";
            // Non-backtracking: a .gitignore is repository content, and `*a*a*a*b` would backtrack on long names.
            _rules.Add((baseDir, LinearRegex.Create(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), negate, dirOnly));
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
            else if (path.StartsWith(baseDir + "/", StringComparison.Ordinal)) rel = path.Substring(baseDir.Length + 1);
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
        return line.Substring(0, end);
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
                var set = glob.Substring(i + 1, close - i - 1);
                if (set.StartsWith("!", StringComparison.Ordinal)) set = "^" + set.Substring(1);
                sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length) sb.Append(Regex.Escape(glob[++i].ToString()));
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
