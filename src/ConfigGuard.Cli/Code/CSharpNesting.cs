namespace ConfigGuard.Cli.Code;

/// <summary>
/// How deeply a C# source nests brackets, counted before Roslyn parses it. Roslyn's parser recurses once per nested
/// parenthesis or type argument list in places it does not guard (ScanType, ScanTupleType): a file of 20,000 nested
/// parentheses overflowed the stack and killed the process, and a stack overflow cannot be caught. Real code nests a
/// few dozen levels; a source deeper than <see cref="Limit"/> is not read as code. Hand-written because Roslyn offers
/// no depth check short of parsing, which is the step that crashes. A lexical pass: comments, string and char literals
/// are skipped (approximately: an unusual literal can only make the count too high, and then the file is left out with
/// a note, never parsed).
/// </summary>
internal static class CSharpNesting
{
    public const int Limit = 256;

    /// <summary>
    /// The deepest nesting in <paramref name="text"/> of (), [] and {}, or of type argument lists (a '&lt;' right after a
    /// name, counted within one statement: comparisons leave it open until the next ';' or brace), and the 1-based line
    /// where it is first reached.
    /// </summary>
    public static (int Depth, int Line) Deepest(string text)
    {
        int depth = 0, angles = 0, max = 0, maxLine = 1, line = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '(' or '[' or '{':
                    if (c == '{') angles = 0;
                    if (++depth > max) { max = depth; maxLine = line; }
                    break;
                case ')' or ']' or '}':
                    if (c == '}') angles = 0;
                    if (depth > 0) depth--;
                    break;
                case ';':
                    angles = 0;
                    break;
                case '<' when i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '<' or ' '):
                    if (++angles > max) { max = angles; maxLine = line; }
                    break;
                case '>':
                    if (angles > 0) angles--;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    for (i += 2; i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'); i++)
                        if (text[i] == '\n') line++;
                    i++;
                    break;
                case '"':
                    i = SkipString(text, i, ref line);
                    break;
                case '\'':
                    // 'x', '\n', '\u0041': at most a few characters to the closing quote on the same line.
                    for (int j = i + 1; j < text.Length && j <= i + 10 && text[j] != '\n'; j++)
                    {
                        if (text[j] == '\\') { j++; continue; }
                        if (text[j] == '\'') { i = j; break; }
                    }
                    break;
            }
        }
        return (max, maxLine);
    }

    // A "regular", @"verbatim" or """raw""" string (an interpolation's holes are skipped with it: their brackets are
    // expressions too, but a hole nested hundreds deep is no real code either).
    private static int SkipString(string text, int start, ref int line)
    {
        int quotes = 0;
        while (start + quotes < text.Length && text[start + quotes] == '"') quotes++;
        if (quotes >= 3)
        {
            int end = text.IndexOf(new string('"', quotes), start + quotes, StringComparison.Ordinal);
            int stop = end < 0 ? text.Length - 1 : end + quotes - 1;
            for (int k = start; k <= stop; k++) if (text[k] == '\n') line++;
            return stop;
        }
        if (quotes == 2) return start + 1; // ""
        bool verbatim = start > 0 && (text[start - 1] == '@' || (start > 1 && text[start - 1] == '$' && text[start - 2] == '@'));
        for (int i = start + 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                if (!verbatim) return i; // an unterminated regular string ends at the line's end
            }
            else if (!verbatim && c == '\\') i++;
            else if (c == '"')
            {
                if (verbatim && i + 1 < text.Length && text[i + 1] == '"') { i++; continue; }
                return i;
            }
        }
        return text.Length - 1;
    }
}
