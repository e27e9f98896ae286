using System.Reflection;

namespace ConfigGuard.Tests;

/// <summary>Where the repository and the read-only shared corpus are, for tests that read fixtures.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!);

    /// <summary>../shared next to the checkout (CI clones main with shared/ beside it).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Samples => Path.Combine(Root, "samples");
}
