namespace ConfigGuard.Scanning.Errors;

/// <summary>
/// Our own words for the I/O errors users hit. The shipped build is trimmed with UseSystemResourceKeys, which strips
/// .NET's message texts: an exception's Message is then a resource key such as "IO_FileNotFound_FileName, /x".
/// </summary>
public static class IoErrors
{
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such folder (a folder on the path does not exist)",
        PathTooLongException => "the path is too long",
        UnauthorizedAccessException => "permission denied",
        IOException io => Errno(io.HResult & 0xFFFF) ?? "input/output error",
        _ => "unexpected error (" + e.GetType().Name + ")",
    };

    /// <summary>On Unix an IOException built from errno carries the errno as its HResult.</summary>
    private static string? Errno(int errno) => OperatingSystem.IsWindows() ? null : errno switch
    {
        1 or 13 => "permission denied",
        2 => "no such file or folder",
        5 => "input/output error",
        17 => "it already exists",
        20 => "a part of the path is not a folder",
        21 => "it is a folder",
        24 => "too many open files",
        27 => "the file is too large",
        28 => "no space left on the device",
        30 => "read-only file system",
        36 => "the name is too long",
        40 => "too many levels of symbolic links",
        122 => "disk quota exceeded",
        _ => null,
    };
}
