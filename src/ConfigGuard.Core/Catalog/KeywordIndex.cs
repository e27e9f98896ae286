// Hand-written Aho-Corasick automaton (no such library is served for netstandard2.0 here): gitleaks' trick of finding,
// in ONE pass over a text, which of the catalog's literal keywords occur, so that only the regexes of those formats
// run. Ordinal, case-sensitive, as the catalog's keywords are.
using System.Collections.Generic;

namespace ConfigGuard.Core.Catalog;

public sealed class KeywordIndex
{
    private readonly List<Dictionary<char, int>> _next = new();
    private readonly List<int> _fail = new();
    private readonly List<List<int>> _outputs = new();

    /// <param name="keywords">Keyword i is reported as i by <see cref="FindPresent"/>.</param>
    public KeywordIndex(IReadOnlyList<string> keywords)
    {
        KeywordCount = keywords.Count;
        AddState();
        for (int k = 0; k < keywords.Count; k++)
        {
            int state = 0;
            foreach (var c in keywords[k])
            {
                if (!_next[state].TryGetValue(c, out var to))
                {
                    to = AddState();
                    _next[state][c] = to;
                }
                state = to;
            }
            _outputs[state].Add(k);
        }
        BuildFailureLinks();
    }

    public int KeywordCount { get; }

    /// <summary>Marks in <paramref name="present"/> (length KeywordCount) every keyword that occurs in the text; returns whether any did.</summary>
    public bool FindPresent(string text, bool[] present)
    {
        bool any = false;
        int state = 0;
        foreach (var c in text)
        {
            while (state != 0 && !_next[state].ContainsKey(c)) state = _fail[state];
            state = _next[state].TryGetValue(c, out var to) ? to : 0;
            var outs = _outputs[state];
            for (int i = 0; i < outs.Count; i++)
            {
                present[outs[i]] = true;
                any = true;
            }
        }
        return any;
    }

    /// <summary>
    /// Whether any keyword occurs in the text; with <paramref name="ignoreAsciiCase"/>, A-Z in the text are read as a-z
    /// (the keywords must then be lower case). Stops at the first keyword found; allocates nothing.
    /// </summary>
    public bool ContainsAny(string text, bool ignoreAsciiCase = false)
    {
        int state = 0;
        foreach (var ch in text)
        {
            var c = ignoreAsciiCase && ch >= 'A' && ch <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
            while (state != 0 && !_next[state].ContainsKey(c)) state = _fail[state];
            state = _next[state].TryGetValue(c, out var to) ? to : 0;
            if (_outputs[state].Count > 0) return true;
        }
        return false;
    }

    private int AddState()
    {
        _next.Add(new Dictionary<char, int>());
        _fail.Add(0);
        _outputs.Add(new List<int>());
        return _next.Count - 1;
    }

    private void BuildFailureLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            foreach (var pair in _next[state])
            {
                int child = pair.Value;
                int f = _fail[state];
                while (f != 0 && !_next[f].ContainsKey(pair.Key)) f = _fail[f];
                _fail[child] = _next[f].TryGetValue(pair.Key, out var to) && to != child ? to : 0;
                // A keyword that ends inside a longer one is reported too.
                _outputs[child].AddRange(_outputs[_fail[child]]);
                queue.Enqueue(child);
            }
        }
    }
}
