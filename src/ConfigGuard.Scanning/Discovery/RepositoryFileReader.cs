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
        string symlinkNotice = "symbolic link, not followed")
    {
        var read = RegularFile.Read(fullPath, maxBytes);
        switch (read.Outcome)
        {
            case RegularFile.Outcome.Read:
                var text = SourceDecoder.Decode(read.Bytes!, read.Bytes!.Length, out var notice);
                if (notice is not null) notices.Add(new Notice(relativePath, notice));
                return text;
            case RegularFile.Outcome.Missing:
                return null;
            case RegularFile.Outcome.SymbolicLink:
                notices.Add(new Notice(relativePath, symlinkNotice));
                return null;
            default:
                notices.Add(new Notice(relativePath, read.Describe(maxBytes)));
                return null;
        }
    }
}
