using System.Collections.Concurrent;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Discovery;

/// <summary>
/// The walker behind kustomize support: core renders kustomizations from a set of files but never reads the disk, so the
/// CLI lets the in-process model run once per discovered kustomization with a read function that serves files from disk
/// (inside the repository only, no symbolic links, size-capped) and keeps every file it served. Remote references and paths
/// leaving the repository are never asked for: the model turns them into notes.
/// </summary>
internal static class KustomizeReferencedFiles
{
    public static List<SourceFile> Collect(string root, IReadOnlyList<SourceFile> found, long maxBytes, ConcurrentBag<Notice> notices)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

        string? ReadFromDisk(string relative)
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(rootFull, StringComparison.Ordinal)) return null;
            try
            {
                var info = new FileInfo(full);
                if (!info.Exists) return null;
                if (info.LinkTarget is not null)
                {
                    notices.Add(new Notice(relative, "symbolic link referenced by a kustomization, not followed"));
                    return null;
                }
                if (info.Length > maxBytes)
                {
                    notices.Add(new Notice(relative, $"file is {info.Length:N0} bytes, over the {maxBytes:N0}-byte limit (--max-file-size); skipped"));
                    return null;
                }
                var bytes = File.ReadAllBytes(full);
                var text = SourceDecoder.Decode(bytes, bytes.Length, out var notice);
                if (notice is not null) notices.Add(new Notice(relative, notice));
                return text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notices.Add(new Notice(relative, "cannot read file: " + ex.Message));
                return null;
            }
        }

        return Collect(found, ReadFromDisk);
    }

    /// <summary>
    /// Same walk with another reader (the git index for `check --staged`): <paramref name="read"/> gets a
    /// repository-relative path and returns the decoded text or null; each path is asked for at most once.
    /// </summary>
    public static List<SourceFile> Collect(IReadOnlyList<SourceFile> found, Func<string, string?> read)
    {
        var known = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var f in found) known[f.Path] = f;
        var extra = new Dictionary<string, SourceFile?>(StringComparer.Ordinal);

        string? ReadFile(string relative)
        {
            if (known.TryGetValue(relative, out var k)) return k.Text;
            if (extra.TryGetValue(relative, out var e)) return e?.Text;
            extra[relative] = null;
            var text = read(relative);
            if (text is null) return null;
            extra[relative] = new SourceFile(relative, text);
            return text;
        }

        foreach (var f in found.Where(f => KustomizePaths.IsKustomizationFile(ConfigFileKind.FileName(f.Path))).ToList())
            KustomizeModel.Build(ReadFile, f.Path);
        return extra.Values.Where(v => v is not null).Select(v => v!).OrderBy(v => v.Path, StringComparer.Ordinal).ToList();
    }
}
