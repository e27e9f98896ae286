using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ConfigGuard.Core.Concurrency;

/// <summary>
/// Parallel where it pays: a handful of items (a pre-commit hook's few files) run on the calling thread, which skips
/// the thread pool's start-up; larger inputs use every core. Callers write results by index, so order stays deterministic.
/// </summary>
public static class ParallelWork
{
    public const int SequentialBelow = 32;

    [ThreadStatic] private static int t_sequential;

    /// <summary>
    /// Work started on this thread until the scope ends runs on this thread: a caller that already keeps every core
    /// busy with independent pieces (the CLI's batches) would only pay the coordination of nested parallel loops.
    /// </summary>
    public static SequentialScope OnThisThread()
    {
        t_sequential++;
        return new SequentialScope(active: true);
    }

    /// <summary>Ends an <see cref="OnThisThread"/> scope; a default one (no scope was asked for) ends nothing.</summary>
    public readonly struct SequentialScope : IDisposable
    {
        private readonly bool _active;

        internal SequentialScope(bool active) => _active = active;

        public void Dispose()
        {
            if (_active) t_sequential--;
        }
    }

    /// <summary>True when <see cref="For"/> would run a loop of <paramref name="count"/> items on the calling thread.</summary>
    public static bool Sequential(int count) => count < SequentialBelow || t_sequential > 0;

    public static void For(int count, Action<int> body)
    {
        if (Sequential(count))
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, body);
    }

    public static void ForEach<T>(IReadOnlyList<T> items, Action<T> body) => For(items.Count, i => body(items[i]));
}
