using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace ConfigGuard.Core.Text;

/// <summary>
/// One run's time budget for the regexes a repository writes (configguard.yaml credential patterns, kustomize patch
/// targets). Most run on the non-backtracking engine (<see cref="LinearRegex"/>), but a pattern with lookaround or a
/// backreference cannot, and the backtracking engine's per-match timeout alone still lets `(?=a)(a|aa)+$` cost its
/// timeout once per value: minutes over a repository. Every such match is timed here; once the run has spent
/// <see cref="Limit"/> in them, the matches left are skipped (no match) and counted against the pattern's place, which
/// becomes a note. Thread-safe: rules run in parallel and charge one budget.
/// </summary>
public sealed class RegexBudget
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(2);

    private readonly long _limitTicks;
    private long _spentTicks;
    private readonly ConcurrentDictionary<Place, int> _skipped = new();

    public RegexBudget(TimeSpan? limit = null)
    {
        Limit = limit ?? DefaultLimit;
        _limitTicks = (long)(Limit.TotalSeconds * Stopwatch.Frequency);
    }

    public TimeSpan Limit { get; }
    public bool Spent => Interlocked.Read(ref _spentTicks) >= _limitTicks;
    public TimeSpan Used => TimeSpan.FromSeconds(Interlocked.Read(ref _spentTicks) / (double)Stopwatch.Frequency);

    /// <summary>Where a user-written pattern is declared: the note about its skipped matches goes there.</summary>
    public readonly record struct Place(string Path, int Line, int Column, string What);

    /// <summary>The places whose matches were skipped, with how many, in path and line order.</summary>
    public IReadOnlyList<(Place Place, int Skipped)> Skipped =>
        _skipped.OrderBy(p => p.Key.Path, StringComparer.Ordinal).ThenBy(p => p.Key.Line).ThenBy(p => p.Key.What, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value)).ToList();

    /// <summary>The first match of <paramref name="regex"/>, or null when the budget is spent (the match is skipped) or the match timed out.</summary>
    public Match? Match(Regex regex, string input, Place place) => Timed(() => regex.Match(input), place);

    /// <summary>The match after <paramref name="previous"/>, or null when the budget is spent or the match timed out.</summary>
    public Match? NextMatch(Match previous, Place place) => Timed(previous.NextMatch, place);

    /// <summary>Whether <paramref name="regex"/> matches; false when the budget is spent or the match timed out.</summary>
    public bool IsMatch(Regex regex, string input, Place place) => Timed(() => regex.Match(input), place) is { Success: true };

    /// <summary>The note for each place whose matches were skipped.</summary>
    public IEnumerable<Model.Notice> Notes() =>
        Skipped.Select(s => new Model.Notice(s.Place.Path,
            $"this run's time budget for repository-written patterns that backtrack ({Limit.TotalSeconds:0.#} s in all) is spent: the remaining matches of the {s.Place.What} were skipped, " +
            "so some values were not checked against it. Without lookaround or backreferences a pattern runs in linear time and is never skipped",
            s.Place.Line, s.Place.Column));

    private Match? Timed(Func<Match> match, Place place)
    {
        if (Spent)
        {
            _skipped.AddOrUpdate(place, 1, (_, n) => n + 1);
            return null;
        }
        long start = Stopwatch.GetTimestamp();
        try { return match(); }
        catch (RegexMatchTimeoutException) { return null; }
        finally { Interlocked.Add(ref _spentTicks, Stopwatch.GetTimestamp() - start); }
    }
}
