namespace ConfigGuard.Core.Model;

/// <summary>The model's paths are repository-relative with `/` separators: their file name and folder.</summary>
public static class RepoPath
{
    public static string FileName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    /// <summary>The folder of <paramref name="path"/>; "" for a file at the repository root.</summary>
    public static string Directory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }
}
