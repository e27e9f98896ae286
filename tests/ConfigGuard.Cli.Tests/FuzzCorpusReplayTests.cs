using System.Diagnostics;
using ConfigGuard.Fuzz;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Replays the afl++ harness's inputs (bench/fuzz: the seed corpus, the inputs it kept for new coverage, and every
/// crash or hang it found) through the same code the harness runs: readers, engine and every output writer. A crash
/// found once stays fixed; an input may not take longer than a few seconds.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static readonly string FuzzDir = Path.Combine(RepoPaths.Root, "bench", "fuzz");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "corpus", "crashes" })
        {
            var dir = Path.Combine(FuzzDir, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md")).OrderBy(f => f, StringComparer.Ordinal))
                data.Add(folder + "/" + Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void The_corpus_and_the_crashes_are_there()
    {
        Assert.True(Directory.GetFiles(Path.Combine(FuzzDir, "corpus")).Length >= 6);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(FuzzDir, "crashes")));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replays_without_exception(string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzDir, input));
        var sw = Stopwatch.StartNew();
        FuzzTarget.Run(bytes);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"{input} took {sw.Elapsed.TotalSeconds:F1} s");
    }
}
