using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ConfigGuard.Analyzers.Tests.Verification;

/// <summary>One marked span: <c>[|x|]</c> (Id and Marker null), <c>{|CG1001:x|}</c> (Id) or <c>{|#0:x|}</c> (Marker).</summary>
public sealed record MarkedSpan(string? Id, int? Marker, TextSpan Span);

/// <summary>
/// Reads the markup of Microsoft.CodeAnalysis.Testing: <c>[|...|]</c>, <c>{|ID:...|}</c> and <c>{|#n:...|}</c>, nestable.
/// A <c>{|</c> not followed by <c>ID:</c> or <c>#n:</c> is ordinary source text, so C# braces are safe.
/// </summary>
public static class Markup
{
    public static (string Source, List<MarkedSpan> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(char Kind, string? Id, int? Marker, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push(('[', null, null, source.Length));
                i += 2;
                continue;
            }
            if (Starts(markup, i, "{|") && TryLabel(markup, i + 2, out var label, out int after))
            {
                int? marker = label.StartsWith('#') ? int.Parse(label.AsSpan(1)) : null;
                open.Push(('{', marker is null ? label : null, marker, source.Length));
                i = after;
                continue;
            }
            if ((Starts(markup, i, "|]") || Starts(markup, i, "|}")) && open.Count > 0 && open.Peek().Kind == (markup[i + 1] == ']' ? '[' : '{'))
            {
                var o = open.Pop();
                spans.Add(new MarkedSpan(o.Id, o.Marker, TextSpan.FromBounds(o.Start, source.Length)));
                i += 2;
                continue;
            }
            source.Append(markup[i]);
            i++;
        }
        if (open.Count > 0) throw new ArgumentException($"markup: {open.Count} span(s) opened and never closed");
        return (source.ToString(), spans);
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    /// <summary>Reads <c>CG1001:</c> or <c>#0:</c> at <paramref name="start"/>.</summary>
    private static bool TryLabel(string s, int start, out string label, out int after)
    {
        label = "";
        after = start;
        int colon = s.IndexOf(':', start);
        if (colon <= start || colon - start > 20) return false;
        var candidate = s.Substring(start, colon - start);
        bool ok = candidate[0] == '#'
            ? candidate.Length > 1 && candidate.Skip(1).All(char.IsDigit)
            : char.IsLetter(candidate[0]) && candidate.All(char.IsLetterOrDigit);
        if (!ok) return false;
        label = candidate;
        after = colon + 1;
        return true;
    }
}
