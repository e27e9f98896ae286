using System.Runtime.InteropServices;
using System.Text;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// One folder's entries with their kind as the listing gives it, for the walk outside git. Why hand-written: .NET's
/// enumeration tells a folder from a file from the directory listing itself, but a symbolic link only with a system call
/// per entry (a readlink for <see cref="FileSystemInfo.LinkTarget"/>, an lstat for Attributes), which was most of the
/// walk of a tree that is not a git checkout (14,000 files in 7,000 folders: ~21,000 readlinks). On Linux (64-bit:
/// glibc and musl lay out `struct dirent` alike) libc's readdir gives each entry's type (d_type) with its name, so the
/// walk pays one listing per folder; elsewhere, or when libc cannot be called, the portable listing is used. Names
/// are decoded as .NET decodes them (UTF-8, an invalid byte read as U+FFFD), so the walk's notices about such names
/// stay the same.
/// </summary>
public static class FolderListing
{
    public enum Kind { File, Folder, Link, FolderLink }

    /// <param name="Kind">Anything that is neither a folder nor a symbolic link (a FIFO, a device) is a file here: the reader refuses it later with its own note.</param>
    public readonly record struct Entry(string Name, Kind Kind);

    /// <summary>The folder's entries (no "." or ".."), in no particular order.</summary>
    /// <exception cref="UnauthorizedAccessException">The folder may not be listed.</exception>
    /// <exception cref="IOException">It is not there, is not a folder, or cannot be read.</exception>
    public static List<Entry> List(string dir)
    {
        if (UseReadDir)
        {
            try { return ReadDir(dir); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { UseReadDir = false; }
        }
        return Portable(dir);
    }

    private static bool UseReadDir = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>The listing through .NET: a readlink per entry tells the links.</summary>
    public static List<Entry> Portable(string dir)
    {
        var list = new List<Entry>();
        foreach (var info in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            list.Add(new Entry(info.Name, KindOf(info.LinkTarget is not null, info is DirectoryInfo)));
        }
        return list;
    }

    // struct dirent on 64-bit Linux: d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
    private const int TypeOffset = 18, NameOffset = 19;
    private const byte DtUnknown = 0, DtDir = 4, DtLnk = 10;

    private static List<Entry> ReadDir(string dir)
    {
        var handle = OpenDir(dir);
        if (handle == IntPtr.Zero) throw Failure(Marshal.GetLastPInvokeError(), dir);
        try
        {
            var list = new List<Entry>();
            while (true)
            {
                // readdir returns null at the end and on an error; only errno tells them apart.
                Marshal.SetLastSystemError(0);
                var entry = ReadDirEntry(handle);
                if (entry == IntPtr.Zero)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno != 0) throw Failure(errno, dir);
                    return list;
                }
                var name = Name(entry + NameOffset);
                if (name is "." or "..") continue;
                var kind = Marshal.ReadByte(entry, TypeOffset) switch
                {
                    DtDir => Kind.Folder,
                    DtLnk => Directory.Exists(Path.Combine(dir, name)) ? Kind.FolderLink : Kind.Link,
                    // A file system that does not fill d_type: ask for this one entry.
                    DtUnknown => Classify(Path.Combine(dir, name)),
                    _ => Kind.File,
                };
                list.Add(new Entry(name, kind));
            }
        }
        finally
        {
            CloseDir(handle);
        }
    }

    private static string Name(IntPtr at)
    {
        int length = 0;
        while (Marshal.ReadByte(at, length) != 0) length++;
        var bytes = new byte[length];
        Marshal.Copy(at, bytes, 0, length);
        return Encoding.UTF8.GetString(bytes);
    }

    private static Kind Classify(string path) => KindOf(new FileInfo(path).LinkTarget is not null, Directory.Exists(path));

    /// <param name="folder">A folder, or a link to one.</param>
    private static Kind KindOf(bool link, bool folder) =>
        link ? (folder ? Kind.FolderLink : Kind.Link) : folder ? Kind.Folder : Kind.File;

    /// <summary>The exception .NET's own listing throws for <paramref name="errno"/> (IoErrors words it for the notes).</summary>
    private static Exception Failure(int errno, string dir) => errno switch
    {
        1 or 13 => new UnauthorizedAccessException(dir),
        2 => new DirectoryNotFoundException(dir),
        _ => new IOException(dir, errno),
    };

#pragma warning disable SYSLIB1054 // LibraryImport would need source generation for three calls; DllImport as RegularFile does.
    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static extern IntPtr OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static extern IntPtr ReadDirEntry(IntPtr dir);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(IntPtr dir);
#pragma warning restore SYSLIB1054
}
