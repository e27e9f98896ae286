using Microsoft.Win32.SafeHandles;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// The one way a scan reads a file it did not write: open without following a final symbolic link and without
/// blocking (a FIFO would wait for a writer forever), check after opening that it is a regular file (not a FIFO, a
/// device such as /dev/zero, a socket or a folder), then read at most the size cap, however large the file claims to
/// be or grows while read. .NET cannot open without blocking nor tell a FIFO from a file: a front end that carries a
/// POSIX binding sets <see cref="UnixOpen"/> (the CLI does, with Mono.Unix); Windows has no FIFOs and uses .NET's own
/// calls. The MSBuild task sets nothing (a task package cannot easily carry Mono.Unix's native library): there only
/// the bounded read and the link check apply, and a FIFO can still block.
/// </summary>
public static class RegularFile
{
    public enum Outcome { Read, Missing, SymbolicLink, NotRegular, TooLarge, Failed }

    /// <param name="Detail">For <see cref="Outcome.NotRegular"/> what the path is ("a named pipe (FIFO)"); for <see cref="Outcome.Failed"/> why.</param>
    public readonly record struct Result(Outcome Outcome, byte[]? Bytes, long Size, string? Detail)
    {
        /// <summary>One line for a note, naming the kind of problem (never the content).</summary>
        public string Describe(long maxBytes) => Outcome switch
        {
            Outcome.Missing => "file not found",
            Outcome.SymbolicLink => "symbolic link, not followed",
            Outcome.NotRegular => $"not a regular file ({Detail}); skipped",
            Outcome.TooLarge => $"file is {Size:N0} bytes, over the {maxBytes:N0}-byte limit (--max-file-size); skipped",
            Outcome.Failed => $"cannot read file: {Detail}",
            _ => "read",
        };
    }

    /// <param name="followLinks">
    /// Follow a symbolic link in the last component: only for a path the user named (--config, --baseline); the link's
    /// target must still be a regular file. Files found in the repository are never followed.
    /// </param>
    public static Result Read(string path, long maxBytes, bool followLinks = false)
    {
        maxBytes = Math.Clamp(maxBytes, 0, Array.MaxLength - 1);
        return !OperatingSystem.IsWindows() && UnixOpen is { } unix ? unix(path, maxBytes, followLinks) : ReadPortable(path, maxBytes, followLinks);
    }

    /// <summary>
    /// The Unix read (path, size cap, follow a final link) that opens with O_NONBLOCK and checks the file type with
    /// fstat before reading (it ends with <see cref="ReadBounded"/>); null: the portable read. Set once at start-up.
    /// </summary>
    public static Func<string, long, bool, Result>? UnixOpen { get; set; }


    private static Result ReadPortable(string path, long maxBytes, bool followLinks)
    {
        try
        {
            if (Directory.Exists(path)) return new Result(Outcome.NotRegular, null, 0, "a folder");
            var info = new FileInfo(path);
            if (!info.Exists) return new Result(Outcome.Missing, null, 0, null);
            if (info.LinkTarget is not null && !followLinks) return new Result(Outcome.SymbolicLink, null, 0, null);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return ReadBounded(handle, RandomAccess.GetLength(handle), maxBytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Result(Outcome.Missing, null, 0, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result(Outcome.Failed, null, 0, IoErrors.Describe(e));
        }
    }

    /// <summary>Reads to the end but never more than <paramref name="maxBytes"/>: a file that grows past the cap is too large.</summary>
    public static Result ReadBounded(SafeFileHandle handle, long statedSize, long maxBytes)
    {
        if (statedSize > maxBytes) return new Result(Outcome.TooLarge, null, statedSize, null);
        try
        {
            var buffer = new byte[checked((int)Math.Min(maxBytes + 1, Math.Max(statedSize + 1, 4096)))];
            long total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > maxBytes) return new Result(Outcome.TooLarge, null, total, null);
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
                int n = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
                if (n <= 0) break;
                total += n;
                if (total > maxBytes) return new Result(Outcome.TooLarge, null, total, null);
            }
            if (total != buffer.Length) Array.Resize(ref buffer, (int)total);
            return new Result(Outcome.Read, buffer, total, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result(Outcome.Failed, null, 0, IoErrors.Describe(e));
        }
    }
}
