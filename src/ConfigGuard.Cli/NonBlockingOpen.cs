using System.Runtime.CompilerServices;
using ConfigGuard.Scanning.Discovery;
using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace ConfigGuard.Cli;

/// <summary>
/// The CLI's Unix open for <see cref="RegularFile"/>: open(O_NONBLOCK, O_NOFOLLOW) and fstat through Mono.Unix
/// (Mono's maintained POSIX bindings), so that a FIFO, a device or a socket in the tree is refused instead of read.
/// Registered when the CLI assembly loads, before any command runs.
/// </summary>
internal static class NonBlockingOpen
{
#pragma warning disable CA2255 // an application's own start-up: every read of this process goes through it
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => RegularFile.UnixOpen = Read;

    private static RegularFile.Result Read(string path, long maxBytes, bool followLinks)
    {
        var flags = OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC;
        if (!followLinks) flags |= OpenFlags.O_NOFOLLOW;
        int fd = Syscall.open(path, flags);
        if (fd < 0)
        {
            var errno = Stdlib.GetLastError();
            return errno switch
            {
                Errno.ENOENT or Errno.ENOTDIR => new RegularFile.Result(RegularFile.Outcome.Missing, null, 0, null),
                Errno.ELOOP => new RegularFile.Result(RegularFile.Outcome.SymbolicLink, null, 0, null),
                Errno.EACCES or Errno.EPERM => new RegularFile.Result(RegularFile.Outcome.Failed, null, 0, "permission denied"),
                _ => new RegularFile.Result(RegularFile.Outcome.Failed, null, 0, errno.ToString()),
            };
        }
        using var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        if (Syscall.fstat(fd, out var st) != 0) return new RegularFile.Result(RegularFile.Outcome.Failed, null, 0, Stdlib.GetLastError().ToString());
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
            return new RegularFile.Result(RegularFile.Outcome.NotRegular, null, 0, what);
        }
        return RegularFile.ReadBounded(handle, st.st_size, maxBytes);
    }

}
