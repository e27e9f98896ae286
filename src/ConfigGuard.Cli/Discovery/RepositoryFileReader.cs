using System.Collections.Concurrent;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Cli.Discovery;

/// <summary>
/// Reads one repository file the way every scan does: symbolic links are not followed, files over the size cap and
/// binary files are skipped, bad encodings are decoded with a notice, and I/O errors become notices, never exceptions.
/// </summary>
internal static class RepositoryFileReader
{
    /// <returns>The decoded text, or null (a missing file silently; anything else with a notice).</returns>
    public static string? ReadText(string fullPath, string relativePath, long maxBytes, ConcurrentBag<Notice> notices,
        string symlinkNotice = "symbolic link, not followed")
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists) return null;
            if (info.LinkTarget is not null)
            {
                notices.Add(new Notice(relativePath, symlinkNotice));
                return null;
            }
            if (info.Length > maxBytes)
            {
                notices.Add(new Notice(relativePath, $"file is {info.Length:N0} bytes, over the {maxBytes:N0}-byte limit (--max-file-size); skipped"));
                return null;
            }
            var bytes = File.ReadAllBytes(fullPath);
            var text = SourceDecoder.Decode(bytes, bytes.Length, out var notice);
            if (notice is not null) notices.Add(new Notice(relativePath, notice));
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notices.Add(new Notice(relativePath, "cannot read file: " + IoErrors.Describe(e)));
            return null;
        }
    }
}
