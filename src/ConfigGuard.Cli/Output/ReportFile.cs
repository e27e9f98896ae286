using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// The files reports are written to (--output, --report FORMAT=FILE, baseline create -o): checked before the scan
/// runs, so a bad path is one usage error (exit 2) instead of a crash after the work is done.
/// </summary>
internal static class ReportFile
{
    /// <exception cref="UsageException">The path is a folder, or its folder does not exist.</exception>
    public static void CheckWritable(string path, string option)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"configguard: {option} {path} is a folder; name a file to write");
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            throw new UsageException($"configguard: {option} {path}: the folder {folder} does not exist; create it first");
    }

    /// <exception cref="UsageException">The file cannot be created (permissions, read-only file system, ...).</exception>
    public static Stream Create(string path)
    {
        try { return File.Create(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"configguard: cannot write {path}: {IoErrors.Describe(e)}");
        }
    }
}
