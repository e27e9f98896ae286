// Hand-written Aho-Corasick automaton (no such library is served for netstandard2.0 here): gitleaks' trick of finding,
// in ONE pass over a text, which of the catalog's literal keywords occur, so that only the regexes of those formats
// run. Ordinal, case-sensitive, as the catalog's keywords are. The trie is compiled into a table, one step per
// character of the text: each character the keywords use has a column, every other character shares column 0 (which
// always leads back to the start), and each state's row already follows its failure links.
using System.Collections.Generic;

namespace ConfigGuard.Core.Catalog;

public sealed class KeywordIndex
{
    private readonly List<Dictionary<char, int>> _next = new();
    private readonly List<int> _fail = new();
    private readonly List<List<int>> _outputs = new();

    // The compiled automaton: the column of each ASCII character (0: none of the keywords uses it), of the other
    // characters the keywords use, and the next state for (state, column) at _step[state * _columns + column].
    private readonly int[] _asciiColumn = new int[128];
    private readonly Dictionary<char, int> _otherColumn = new();
    private readonly int _columns;
    private readonly int[] _step;
    private readonly bool[] _reports;

    /// <param name="keywords">Keyword i is reported as i by <see cref="FindPresent"/>.</param>
    public KeywordIndex(IReadOnlyList<string> keywords)
    {
        KeywordCount = keywords.Count;
        AddState();
        int columns = 1;
        for (int k = 0; k < keywords.Count; k++)
        {
            int state = 0;
            foreach (var c in keywords[k])
            {
                if (c < 128) { if (_asciiColumn[c] == 0) _asciiColumn[c] = columns++; }
                else if (!_otherColumn.ContainsKey(c)) _otherColumn[c] = columns++;
                if (!_next[state].TryGetValue(c, out var to))
                {
                    to = AddState();
                    _next[state][c] = to;
                }
                state = to;
            }
            _outputs[state].Add(k);
        }
        var order = BuildFailureLinks();
        _columns = columns;
        _step = new int[_next.Count * columns];
        _reports = new bool[_next.Count];
        // Breadth first, so that a state's failure (always shallower) has its row before the state needs it.
        foreach (var state in order)
        {
            _reports[state] = _outputs[state].Count > 0;
            if (state != 0) System.Array.Copy(_step, _fail[state] * columns, _step, state * columns, columns);
            foreach (var pair in _next[state]) _step[state * columns + Column(pair.Key)] = pair.Value;
        }
    }

    private int Column(char c) => c < 128 ? _asciiColumn[c] : _otherColumn.TryGetValue(c, out var column) ? column : 0;

    public int KeywordCount { get; }

    /// <summary>Marks in <paramref name="present"/> (length KeywordCount) every keyword that occurs in the text; returns whether any did.</summary>
    public bool FindPresent(string text, bool[] present)
    {
        bool any = false;
        int state = 0;
        foreach (var c in text)
        {
            state = _step[state * _columns + Column(c)];
            if (!_reports[state]) continue;
            var outs = _outputs[state];
            for (int i = 0; i < outs.Count; i++) present[outs[i]] = true;
            any = true;
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
            state = _step[state * _columns + Column(c)];
            if (_reports[state]) return true;
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

    /// <returns>The states in breadth-first order, the start first.</returns>
    private List<int> BuildFailureLinks()
    {
        var order = new List<int> { 0 };
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            order.Add(state);
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
        return order;
    }
}
