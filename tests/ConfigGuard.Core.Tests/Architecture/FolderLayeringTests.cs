using System.Text.RegularExpressions;
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

    /// <summary>
    /// The other projects of src/ have folders too (the CLI's Commands, Gating and Output; Scanning's Configuration,
    /// Discovery, Errors and Timing): none of them is in a cycle either. A failure names each cycle and its edges.
    /// </summary>
    [Fact]
    public void Folders_of_every_other_project_in_src_form_no_cycle()
    {
        var described = new List<string>();
        var projects = 0;
        foreach (var project in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "src")).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(project);
            if (name == "ConfigGuard.Core" || !Directory.EnumerateFiles(project, "*.csproj").Any())
            {
                continue;
            }

            projects++;
            var graph = FolderGraph.Of(project);
            output.WriteLine($"{name}: {string.Join("; ", graph.Edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value.Keys)}"))}");
            described.AddRange(graph.Cycles().Select(cycle => name + ": " + graph.Describe(cycle)));
        }

        Assert.True(projects >= 2, "src/ holds no project besides ConfigGuard.Core");
        Assert.True(described.Count == 0, string.Join(Environment.NewLine, described));
    }

    /// <summary>
    /// docs/ARCHITECTURE.md's layer table is the picture: every folder is in it, and each edge of the graph goes to a
    /// strictly lower layer. A failure names the edge and one reference that makes it.
    /// </summary>
    [Fact]
    public void Core_folders_use_only_lower_layers_of_the_architecture_page()
    {
        var layers = LayersOfArchitecturePage();
        var graph = Core.Value;
        var problems = new List<string>();
        problems.AddRange(graph.Folders.Where(f => f != "(root)" && !layers.ContainsKey(f))
            .Select(f => $"{f}/ is in no layer of docs/ARCHITECTURE.md: add it to the table"));
        problems.AddRange(layers.Keys.Where(f => !graph.Folders.Contains(f))
            .Select(f => $"docs/ARCHITECTURE.md lists {f}, which is no folder of src/ConfigGuard.Core"));
        foreach (var (from, targets) in graph.Edges)
        {
            foreach (var (to, example) in targets)
            {
                if (layers.TryGetValue(from, out var high) && layers.TryGetValue(to, out var low) && high <= low)
                {
                    problems.Add($"{from} (layer {high}) -> {to} (layer {low}) goes {(high == low ? "sideways" : "up")}: {example}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Folder -> layer, from the rows `| 7 | `Rules` | ... |` of docs/ARCHITECTURE.md's "Layers" table.</summary>
    private static Dictionary<string, int> LayersOfArchitecturePage()
    {
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md")))
        {
            var row = Regex.Match(line, @"^\|\s*(\d+)\s*\|([^|]*)\|");
            if (!row.Success)
            {
                continue;
            }

            foreach (Match folder in Regex.Matches(row.Groups[2].Value, "`([^`]+)`"))
            {
                layers[folder.Groups[1].Value] = int.Parse(row.Groups[1].Value);
            }
        }

        Assert.True(layers.Count > 0, "docs/ARCHITECTURE.md has no layer table (rows like | 7 | `Rules` | ... |)");
        return layers;
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
