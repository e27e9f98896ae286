using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Kustomize;

/// <summary>Repository-relative path arithmetic for kustomize references (`/` separators, "" is the repository root).</summary>
public static class KustomizePaths
{
    /// <summary>A reference kustomize would fetch over the network (a URL, a git repository, github.com/...).</summary>
    public static bool IsRemote(string reference)
    {
        var r = reference.Trim();
        return r.IndexOf("://", StringComparison.Ordinal) >= 0
            || r.StartsWith("git@", StringComparison.Ordinal)
            || r.StartsWith("github.com/", StringComparison.OrdinalIgnoreCase)
            || r.StartsWith("gitlab.com/", StringComparison.OrdinalIgnoreCase)
            || r.StartsWith("bitbucket.org/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="relative"/> resolved against <paramref name="directory"/>; null when it is absolute or leaves the repository.</summary>
    public static string? Join(string directory, string relative)
    {
        var r = relative.Trim().Replace('\\', '/');
        if (r.Length == 0 || r.StartsWith("/", StringComparison.Ordinal) || (r.Length > 1 && r[1] == ':')) return null;
        var parts = new List<string>();
        if (directory.Length > 0) parts.AddRange(directory.Split('/'));
        foreach (var seg in r.Split('/'))
        {
            if (seg.Length == 0 || seg == ".") continue;
            if (seg == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(seg);
        }
        return string.Join("/", parts);
    }

    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>True when <paramref name="path"/> is inside <paramref name="directory"/> (or is it).</summary>
    public static bool IsUnder(string path, string directory) =>
        directory.Length == 0 || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
