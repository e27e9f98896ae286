using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Text;

/// <summary>Maps character offsets of one text to 1-based line and column. Line breaks: \n, \r\n and a lone \r.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    public (int Line, int Column) GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > _length) offset = _length;
        int lo = 0, hi = _lineStarts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return (lo + 1, offset - _lineStarts[lo] + 1);
    }

    public SourceSpan Span(int start, int length)
    {
        var (l1, c1) = GetPosition(start);
        var (l2, c2) = GetPosition(start + length);
        return new SourceSpan(start, length, l1, c1, l2, c2);
    }
}
