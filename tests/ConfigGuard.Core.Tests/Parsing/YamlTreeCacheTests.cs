using System.Threading;
using System.Threading.Tasks;
using ConfigGuard.Core.Parsing;
using Xunit;

namespace ConfigGuard.Core.Tests.Parsing;

/// <summary>
/// One parse per YAML file and scan: Load hands each build its own copy to change, Peek the shared tree to read, and
/// a shared tree answers lookups from several threads at once.
/// </summary>
public class YamlTreeCacheTests
{
    private static string Map(int keys) =>
        "kind: Kustomization\n" + string.Concat(Enumerable.Range(0, keys).Select(i => $"field{i:D3}: value-{i}\n"));

    [Fact]
    public void Peek_shares_one_tree_and_Load_gives_copies_that_do_not_change_it()
    {
        var cache = new YamlTreeCache();
        var text = Map(3);
        var shared = (YamlTreeMap)cache.Peek("k/kustomization.yaml", text).Documents[0];
        Assert.Same(shared, cache.Peek("k/kustomization.yaml", text).Documents[0]);

        var copy = (YamlTreeMap)cache.Load("k/kustomization.yaml", text).Documents[0];
        Assert.NotSame(shared, copy);
        copy.Remove("kind");
        Assert.Null(copy.GetString("kind"));
        Assert.Equal("Kustomization", shared.GetString("kind"));
        Assert.Equal("Kustomization", ((YamlTreeMap)cache.Load("k/kustomization.yaml", text).Documents[0]).GetString("kind"));
    }

    [Fact]
    public void A_large_shared_map_answers_every_key_from_many_threads_at_once()
    {
        // Large enough that lookups go through the map's index (built whole before it is published, so no reader sees half of it).
        for (int round = 0; round < 50; round++)
        {
            var shared = (YamlTreeMap)new YamlTreeCache().Peek("big.yaml", Map(100)).Documents[0];
            int wrong = 0;
            using var start = new ManualResetEventSlim();
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.Wait();
                for (int i = 99; i >= 0; i--)
                    if (shared.GetString($"field{i:D3}") != $"value-{i}") Interlocked.Increment(ref wrong);
            })).ToArray();
            start.Set();
            Task.WaitAll(readers);
            Assert.Equal(0, wrong);
        }
    }
}
