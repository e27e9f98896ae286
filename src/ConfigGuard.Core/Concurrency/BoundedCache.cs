using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace ConfigGuard.Core.Concurrency;

/// <summary>
/// A thread-safe memo of answers that stops growing at a fixed number of entries. Its size is counted with one
/// interlocked integer: <c>ConcurrentDictionary.Count</c> takes every lock of the dictionary, and asking it on each miss
/// made a folder of 10,000 .env files (10,000 distinct keys) spend half its key matching waiting on those locks.
/// </summary>
public sealed class BoundedCache<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;
    private int _count;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);
    }

    public bool TryGetValue(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Remembers the answer unless the cache is full (then it is simply computed again next time).</summary>
    public void Add(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _capacity) return;
        if (_entries.TryAdd(key, value)) Interlocked.Increment(ref _count);
    }
}
