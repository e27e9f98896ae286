using Xunit;

namespace ConfigGuard.Tests;

/// <summary>Where the machine tools a test needs are, and why a test is skipped without them.</summary>
public static class TestMachine
{
    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string exe)
    {
        foreach (var d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (d.Length == 0) continue;
            var candidate = Path.Combine(d, exe);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string? Kubectl { get; } = FindOnPath("kubectl");

    public static string? MissingCorpus => RepoPaths.HasCorpus ? null : RepoPaths.CorpusMissingReason;
    public static string? MissingKubectl => Kubectl is null ? "kubectl is not on PATH" : null;
}

/// <summary>A fact that runs `kubectl kustomize`: skipped, with the reason, when kubectl is not on PATH.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (TestMachine.MissingKubectl is { } why) Skip = why;
    }
}

/// <summary>A theory that runs `kubectl kustomize`: skipped, with the reason, when kubectl is not on PATH.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (TestMachine.MissingKubectl is { } why) Skip = why;
    }
}

/// <summary>A theory that runs `kubectl kustomize` over ../shared/corpus: skipped, with the reason, when either is absent.</summary>
public sealed class CorpusAndKubectlTheoryAttribute : TheoryAttribute
{
    public CorpusAndKubectlTheoryAttribute()
    {
        if ((TestMachine.MissingCorpus ?? TestMachine.MissingKubectl) is { } why) Skip = why;
    }
}
