using ConfigGuard.Core.Engine;
using System.Runtime.InteropServices;
using ConfigGuard.Scanning.Errors;
using Microsoft.Win32.SafeHandles;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// The one way a scan reads a file it did not write: open without following a final symbolic link and without
/// blocking (a FIFO would wait for a writer forever), check after opening that it is a regular file (not a FIFO, a
/// device such as /dev/zero, a socket or a folder), then read at most the size cap, however large the file claims to
/// be or grows while read. .NET cannot open without blocking nor tell a FIFO from a file: a front end that carries a
/// POSIX binding sets <see cref="UnixOpen"/> (the CLI does, with Mono.Unix); Windows has no FIFOs and uses .NET's own
/// calls. Without <see cref="UnixOpen"/> (the MSBuild task: a task package cannot easily carry Mono.Unix's native
/// library), on Linux and macOS the open is libc's own open(2) with O_NONBLOCK and O_NOFOLLOW (no native library to
/// ship), and a handle that cannot seek (a FIFO, a socket) is refused before any read, so a build never waits on a
/// pipe; a character device such as /dev/zero is stopped by the bounded read.
/// </summary>
public static class RegularFile
{
    /// <summary>The size cap of a scan's reads (5 MiB) unless the caller names another (check --max-file-size).</summary>
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    public enum Outcome { Read, Missing, SymbolicLink, NotRegular, TooLarge, Failed }

    /// <param name="Detail">For <see cref="Outcome.NotRegular"/> what the path is ("a named pipe (FIFO)"); for <see cref="Outcome.Failed"/> why.</param>
    /// <param name="Bytes">For <see cref="Outcome.Read"/>: the content in its first <paramref name="Size"/> bytes (the array may be longer).</param>
    public readonly record struct Result(Outcome Outcome, byte[]? Bytes, long Size, string? Detail)
    {
        /// <summary>The bytes read (empty unless <see cref="Outcome.Read"/>).</summary>
        public ReadOnlySpan<byte> Content => Outcome == Outcome.Read && Bytes is not null ? Bytes.AsSpan(0, (int)Size) : default;

        /// <summary>The content as text (<see cref="SourceDecoder"/>); null when it is to be skipped, with why in <paramref name="notice"/>.</summary>
        public string? Decode(out string? notice) => SourceDecoder.Decode(Bytes!, (int)Size, out notice);

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
        return !OperatingSystem.IsWindows() && UnixOpen is { } unix ? unix(path, maxBytes, followLinks) : ReadWithoutMonoUnix(path, maxBytes, followLinks);
    }

    /// <summary>
    /// The Unix read (path, size cap, follow a final link) that opens with O_NONBLOCK and checks the file type with
    /// fstat before reading (it ends with <see cref="ReadBounded"/>); null: the portable read. Set once at start-up.
    /// </summary>
    public static Func<string, long, bool, Result>? UnixOpen { get; set; }


    /// <summary>The read without a POSIX binding (the MSBuild task): libc's non-blocking open on Linux and macOS, .NET's own calls on Windows.</summary>
    public static Result ReadWithoutMonoUnix(string path, long maxBytes, bool followLinks = false)
    {
        maxBytes = Math.Clamp(maxBytes, 0, Array.MaxLength - 1);
        if (OperatingSystem.IsWindows() || LibcOpenFlags() is not { } flags) return ReadPortable(path, maxBytes, followLinks);
        try
        {
            if (Directory.Exists(path)) return new Result(Outcome.NotRegular, null, 0, "a folder");
            if (!followLinks && new FileInfo(path).LinkTarget is not null) return new Result(Outcome.SymbolicLink, null, 0, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new Result(Outcome.Failed, null, 0, IoErrors.Describe(e)); }
        int fd;
        try { fd = LibcOpen(path, flags.ReadOnlyNonBlocking | (followLinks ? 0 : flags.NoFollow)); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return ReadPortable(path, maxBytes, followLinks); }
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == 2 || errno == 20) return new Result(Outcome.Missing, null, 0, null);
            if (errno == flags.ELoop) return new Result(Outcome.SymbolicLink, null, 0, null);
            if (errno == 13 || errno == 1) return new Result(Outcome.Failed, null, 0, "permission denied");
            return new Result(Outcome.Failed, null, 0, $"error {errno}");
        }
        using var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        long size;
        // A FIFO or socket cannot seek: .NET refuses its length, and it is refused here before any read could wait on it.
        try { size = RandomAccess.GetLength(handle); }
        catch (NotSupportedException) { return new Result(Outcome.NotRegular, null, 0, "a named pipe (FIFO) or socket"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new Result(Outcome.Failed, null, 0, IoErrors.Describe(e)); }
        return ReadBounded(handle, size, maxBytes);
    }

    private readonly record struct LibcFlags(int ReadOnlyNonBlocking, int NoFollow, int ELoop);

    /// <summary>open(2) flag values where they are known (they differ by kernel and, for O_NOFOLLOW, by CPU on Linux).</summary>
    private static LibcFlags? LibcOpenFlags()
    {
        if (OperatingSystem.IsLinux())
        {
            // O_RDONLY 0 | O_NONBLOCK 04000 | O_CLOEXEC 02000000; O_NOFOLLOW is 0400000 on x86, 0100000 on ARM.
            int noFollow = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 or Architecture.X86 => 0x20000,
                Architecture.Arm64 or Architecture.Arm => 0x8000,
                _ => -1,
            };
            return noFollow < 0 ? null : new LibcFlags(0x800 | 0x80000, noFollow, 40);
        }
        // macOS: O_NONBLOCK 0x4 | O_CLOEXEC 0x1000000, O_NOFOLLOW 0x100, ELOOP 62.
        if (OperatingSystem.IsMacOS()) return new LibcFlags(0x4 | 0x1000000, 0x100, 62);
        return null;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the task's project for one call.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int LibcOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
#pragma warning restore SYSLIB1054

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
            // The stated size and one spare byte (a file that grew shows itself by filling it): one allocation the
            // size of the file, kept as it is (Result.Size says how much of it was read).
            var buffer = new byte[checked((int)Math.Min(maxBytes + 1, Math.Max(statedSize + 1, 1)))];
            long total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > maxBytes) return new Result(Outcome.TooLarge, null, total, null);
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, Math.Max(4096L, (long)buffer.Length * 2)));
                }
                int asked = buffer.Length - (int)total;
                int n = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
                if (n <= 0) break;
                total += n;
                if (total > maxBytes) return new Result(Outcome.TooLarge, null, total, null);
                // A regular file returns less than asked only at its end: no second read to learn that (one system
                // call per file fewer). A file that grows meanwhile fills the spare byte and is read on, as before.
                if (n < asked) break;
            }
            return new Result(Outcome.Read, buffer, total, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result(Outcome.Failed, null, 0, IoErrors.Describe(e));
        }
    }
}
