using System.Threading;
using ConfigGuard.Core.Concurrency;
using Xunit;

namespace ConfigGuard.Core.Tests.Concurrency;

/// <summary>
/// ParallelWork.OnThisThread: the CLI runs whole batches side by side and asks each batch's loops to stay on its thread;
/// the scope must hold for that thread only, nest, and end when disposed.
/// </summary>
public class ParallelWorkTests
{
    [Fact]
    public void A_loop_inside_the_scope_runs_every_item_on_the_calling_thread_and_in_order()
    {
        var order = new List<int>();
        int caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        using (ParallelWork.OnThisThread())
        {
            ParallelWork.For(500, i =>
            {
                order.Add(i);
                threads.Add(Environment.CurrentManagedThreadId);
            });
            Assert.True(ParallelWork.Sequential(10_000));
        }
        Assert.Equal(Enumerable.Range(0, 500), order);
        Assert.Equal(new[] { caller }, threads);
    }

    [Fact]
    public void Scopes_nest_and_the_loop_is_sequential_until_the_outer_one_ends()
    {
        var outer = ParallelWork.OnThisThread();
        var inner = ParallelWork.OnThisThread();
        inner.Dispose();
        Assert.True(ParallelWork.Sequential(10_000));
        outer.Dispose();
        Assert.False(ParallelWork.Sequential(10_000));
        Assert.True(ParallelWork.Sequential(ParallelWork.SequentialBelow - 1));
    }

    [Fact]
    public void The_scope_of_one_thread_does_not_make_another_threads_loops_sequential()
    {
        bool otherSequential = true;
        using (ParallelWork.OnThisThread())
        {
            var other = new Thread(() => otherSequential = ParallelWork.Sequential(10_000));
            other.Start();
            other.Join();
        }
        Assert.False(otherSequential);
    }

    [Fact]
    public void Without_a_scope_a_large_loop_still_visits_every_item_once()
    {
        var seen = new int[1_000];
        ParallelWork.For(seen.Length, i => Interlocked.Increment(ref seen[i]));
        Assert.All(seen, n => Assert.Equal(1, n));
    }

    [Fact]
    public void A_default_scope_ends_nothing()
    {
        using (ParallelWork.OnThisThread())
        {
            using (default(ParallelWork.SequentialScope)) { }
            Assert.True(ParallelWork.Sequential(10_000));
        }
        Assert.False(ParallelWork.Sequential(10_000));
    }
}
