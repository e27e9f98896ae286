using System.Reflection;

namespace ConfigGuard.Tests;

/// <summary>Where the repository and the read-only shared corpus are, for tests that read fixtures.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!);

    /// <summary>
    /// ../shared next to the checkout (CI clones main with shared/ beside it); CONFIGGUARD_SHARED names another place
    /// (a git worktree elsewhere, a corpus checked out apart).
    /// </summary>
    public static string Shared { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("CONFIGGUARD_SHARED") is { Length: > 0 } shared ? shared : Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");

    /// <summary>Whether the shared corpus is there: a lone clone of the repository has no ../shared.</summary>
    public static bool HasCorpus => Directory.Exists(Corpus);

    /// <summary>The skip reason of corpus tests; `.ci/run` looks for its first words to fail a CI run that skipped them.</summary>
    public static string CorpusMissingReason => $"needs the shared corpus at {Corpus} (not part of the repository; absent here)";

    public static string Samples => Path.Combine(Root, "samples");
}
