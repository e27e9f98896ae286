using System;
using System.Collections.Generic;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// Why a path a kustomization names is absent when the author did nothing wrong: it lies inside a git submodule that is
/// not checked out (listed in the repository's `.gitmodules`), or it is git-ignored on purpose (a `.env` the README
/// says to create, a file a render step writes). Such a reference is a note, not a build failure. Reads `.gitmodules`
/// and the `.gitignore` files above the path through the same read function as everything else (no I/O here).
/// </summary>
internal sealed class KustomizeMissingInput
{
    private readonly Func<string, string?> _read;
    private List<string>? _submodules;
    private readonly Dictionary<string, GitIgnoreMatcher> _ignoreByDir = new(StringComparer.Ordinal);

    public KustomizeMissingInput(Func<string, string?> read) => _read = read;

    /// <summary>Why <paramref name="path"/> (repository-relative) may legitimately be absent, or null when it is simply missing.</summary>
    public string? Explain(string path)
    {
        foreach (var sub in Submodules())
        {
            if (KustomizePaths.IsUnder(path, sub)) return $"it is inside the git submodule '{sub}', which is not checked out";
        }
        if (Ignored(path)) return "it is git-ignored (created outside the repository: a local secret file or a render step's output)";
        return null;
    }

    private List<string> Submodules()
    {
        if (_submodules is not null) return _submodules;
        var list = new List<string>();
        var text = _read(".gitmodules");
        if (text is not null)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (!line.StartsWith("path", StringComparison.Ordinal)) continue;
                int eq = line.IndexOf('=');
                if (eq < 0 || line.Substring(0, eq).Trim() != "path") continue;
                var p = line.Substring(eq + 1).Trim().Trim('"').TrimEnd('/');
                if (p.Length > 0) list.Add(p);
            }
        }
        return _submodules = list;
    }

    /// <summary>Whether a .gitignore in the path's folder or any folder above it ignores the path or one of its folders.</summary>
    private bool Ignored(string path)
    {
        var parts = path.Split('/');
        var prefix = "";
        for (int i = 0; i < parts.Length; i++)
        {
            var matcher = Matcher(prefix);
            var candidate = prefix.Length == 0 ? parts[i] : prefix + "/" + parts[i];
            if (matcher is not null && matcher.IsIgnored(candidate, isDirectory: i < parts.Length - 1)) return true;
            prefix = candidate;
        }
        return false;
    }

    /// <summary>The rules of every .gitignore from the root down to <paramref name="dir"/>.</summary>
    private GitIgnoreMatcher? Matcher(string dir)
    {
        if (_ignoreByDir.TryGetValue(dir, out var m)) return m;
        m = new GitIgnoreMatcher();
        bool any = false;
        var parts = dir.Length == 0 ? Array.Empty<string>() : dir.Split('/');
        var current = "";
        for (int i = 0; i <= parts.Length; i++)
        {
            var text = _read(KustomizePaths.Combine(current, ".gitignore"));
            if (text is not null)
            {
                m.Add(current, text);
                any = true;
            }
            if (i < parts.Length) current = current.Length == 0 ? parts[i] : current + "/" + parts[i];
        }
        _ignoreByDir[dir] = m;
        return any ? m : null;
    }
}
