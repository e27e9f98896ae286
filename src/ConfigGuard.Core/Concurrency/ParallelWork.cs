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

    public static void For(int count, Action<int> body)
    {
        if (count < SequentialBelow)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, body);
    }

    public static void ForEach<T>(IReadOnlyList<T> items, Action<T> body) => For(items.Count, i => body(items[i]));
}
