using ConfigGuard.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ConfigGuard.Core.Tests.Architecture;

/// <summary>
/// The folders of src/ are layers you can draw: no folder depends, through any chain of type references, on a folder
/// that depends back on it. A failure names each cycle and every edge in it with one example reference.
/// </summary>
public class FolderLayeringTests(ITestOutputHelper output)
{
    private static readonly Lazy<FolderGraph> Core = new(() => FolderGraph.Of(Path.Combine(RepoPaths.Root, "src", "ConfigGuard.Core")));

    [Fact]
    public void Core_folders_form_no_cycle()
    {
        var graph = Core.Value;
        foreach (var (from, targets) in graph.Edges.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} -> {string.Join(", ", targets.Keys)}");
        }

        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles.Select(graph.Describe)));
    }

    [Fact]
    public void Core_namespaces_match_folders()
    {
        var wrong = Core.Value.Namespaces
            .Where(n => n.Namespace != "ConfigGuard.Core" + (n.Folder == "(root)" ? "" : "." + n.Folder.Replace('/', '.'))
                && !(n.Folder == "(root)" && n.Namespace.StartsWith("System", StringComparison.Ordinal)))
            .Select(n => $"{n.File}: namespace {n.Namespace}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
