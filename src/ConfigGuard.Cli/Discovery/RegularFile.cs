using Microsoft.Win32.SafeHandles;
#if !CONFIGGUARD_PORTABLE_OPEN
using Mono.Unix.Native;
#endif

namespace ConfigGuard.Cli.Discovery;

/// <summary>
/// The one way the CLI reads a file it did not write: open without following a final symbolic link and without
/// blocking (a FIFO would wait for a writer forever), check after opening that it is a regular file (not a FIFO, a
/// device such as /dev/zero, a socket or a folder), then read at most the size cap, however large the file claims to
/// be or grows while read. .NET cannot open without blocking nor tell a FIFO from a file, so on Unix the open and the
/// fstat go through Mono.Unix (Mono's maintained POSIX bindings); Windows has no FIFOs and uses .NET's own calls.
/// The MSBuild task compiles this file with CONFIGGUARD_PORTABLE_OPEN (a task package cannot easily carry Mono.Unix's
/// native library): there only the bounded read and the link check apply, and a FIFO can still block.
/// </summary>
internal static class RegularFile
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
#if CONFIGGUARD_PORTABLE_OPEN
        return ReadPortable(path, maxBytes, followLinks);
#else
        return OperatingSystem.IsWindows() ? ReadPortable(path, maxBytes, followLinks) : ReadUnix(path, maxBytes, followLinks);
#endif
    }

#if !CONFIGGUARD_PORTABLE_OPEN
    private static Result ReadUnix(string path, long maxBytes, bool followLinks)
    {
        var flags = OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC;
        if (!followLinks) flags |= OpenFlags.O_NOFOLLOW;
        int fd = Syscall.open(path, flags);
        if (fd < 0)
        {
            var errno = Stdlib.GetLastError();
            return errno switch
            {
                Errno.ENOENT or Errno.ENOTDIR => new Result(Outcome.Missing, null, 0, null),
                Errno.ELOOP => new Result(Outcome.SymbolicLink, null, 0, null),
                Errno.EACCES or Errno.EPERM => new Result(Outcome.Failed, null, 0, "permission denied"),
                _ => new Result(Outcome.Failed, null, 0, errno.ToString()),
            };
        }
        using var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        if (Syscall.fstat(fd, out var st) != 0) return new Result(Outcome.Failed, null, 0, Stdlib.GetLastError().ToString());
        var type = st.st_mode & FilePermissions.S_IFMT;
        if (type != FilePermissions.S_IFREG)
        {
            var what = type switch
            {
                FilePermissions.S_IFIFO => "a named pipe (FIFO)",
                FilePermissions.S_IFCHR => "a character device",
                FilePermissions.S_IFBLK => "a block device",
                FilePermissions.S_IFDIR => "a folder",
                FilePermissions.S_IFSOCK => "a socket",
                _ => "a special file",
            };
            return new Result(Outcome.NotRegular, null, 0, what);
        }
        return ReadBounded(handle, st.st_size, maxBytes);
    }

#endif

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
    private static Result ReadBounded(SafeFileHandle handle, long statedSize, long maxBytes)
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
