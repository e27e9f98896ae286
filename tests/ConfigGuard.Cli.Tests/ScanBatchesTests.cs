using ConfigGuard.Core.Model;
using ConfigGuard.Scanning.Discovery;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// How a large scan is cut: subtrees up to the split size stay whole, and whole subtrees are packed into smaller
/// batches so that each batch's model dies young.
/// </summary>
public class ScanBatchesTests
{
    private static List<DiscoveredFile> Files(params string[] paths) =>
        paths.OrderBy(p => p, StringComparer.Ordinal).Select(p => new DiscoveredFile("/repo/" + p, p, new FileFacts(true, false))).ToList();

    private static IEnumerable<string> Service(string name, int files) =>
        Enumerable.Range(0, files).Select(i => $"services/{name}/k8s/overlays/env{i:D2}/kustomization.yaml");

    [Fact]
    public void A_subtree_larger_than_the_pack_size_but_within_the_split_size_is_never_cut()
    {
        var files = Files(Service("api", 12).Concat(Service("web", 3)).ToArray());
        // The tree (15 files) is larger than the split size (13): split into the two services, each whole.
        var batches = ScanBatches.Split(files, maxFiles: 13, packFiles: 4);
        Assert.Equal(2, batches.Count);
        Assert.All(batches[0], f => Assert.StartsWith("services/api/", f.RelativePath));
        Assert.Equal(12, batches[0].Count);
        Assert.All(batches[1], f => Assert.StartsWith("services/web/", f.RelativePath));
    }

    [Fact]
    public void Small_subtrees_are_packed_up_to_the_pack_size_in_path_order()
    {
        var names = Enumerable.Range(0, 10).Select(i => $"svc{i}").ToList();
        var files = Files(names.SelectMany(n => Service(n, 2)).ToArray());
        var batches = ScanBatches.Split(files, maxFiles: 5, packFiles: 4);
        Assert.Equal(5, batches.Count);
        Assert.All(batches, b => Assert.Equal(4, b.Count));
        // Every file once, in path order across batches.
        Assert.Equal(files.Select(f => f.RelativePath), batches.SelectMany(b => b).Select(f => f.RelativePath));
        // No service is in two batches.
        Assert.All(names, n => Assert.Single(batches, b => b.Any(f => f.RelativePath.StartsWith($"services/{n}/", StringComparison.Ordinal))));
    }

    [Fact]
    public void Without_a_pack_size_batches_fill_up_to_the_split_size_as_before()
    {
        var files = Files(Enumerable.Range(0, 10).SelectMany(i => Service($"svc{i}", 2)).ToArray());
        var batches = ScanBatches.Split(files, 5);
        Assert.All(batches, b => Assert.True(b.Count <= 5));
        Assert.Equal(new[] { 4, 4, 4, 4, 4 }, batches.Select(b => b.Count));
    }
}
