using System.Collections.Concurrent;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Reads one repository file the way every scan does: symbolic links are not followed, only regular files are read
/// (<see cref="RegularFile"/>: never a FIFO or a device), files over the size cap and binary files are skipped, bad
/// encodings are decoded with a notice, and I/O errors become notices, never exceptions.
/// </summary>
public static class RepositoryFileReader
{
    /// <returns>The decoded text, or null (a missing file silently; anything else with a notice).</returns>
    public static string? ReadText(string fullPath, string relativePath, long maxBytes, ConcurrentBag<Notice> notices,
        string symlinkNotice = "symbolic link, not followed") => ReadText(fullPath, relativePath, maxBytes, notices, out _, symlinkNotice);

    /// <param name="unread">Why an existing file was not read (its notice's text); null when it was read or does not exist.</param>
    public static string? ReadText(string fullPath, string relativePath, long maxBytes, ConcurrentBag<Notice> notices, out string? unread,
        string symlinkNotice = "symbolic link, not followed")
    {
        unread = null;
        var read = RegularFile.Read(fullPath, maxBytes);
        switch (read.Outcome)
        {
            case RegularFile.Outcome.Read:
                var text = read.Decode(out var notice);
                if (notice is not null) notices.Add(new Notice(relativePath, notice));
                if (text is null) unread = notice;
                return text;
            case RegularFile.Outcome.Missing:
                return null;
            case RegularFile.Outcome.SymbolicLink:
                notices.Add(new Notice(relativePath, symlinkNotice));
                unread = symlinkNotice;
                return null;
            default:
                unread = read.Describe(maxBytes);
                notices.Add(new Notice(relativePath, unread));
                return null;
        }
    }
}
