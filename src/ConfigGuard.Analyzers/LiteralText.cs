using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ConfigGuard.Analyzers;

/// <summary>
/// The text of string literals (regular, verbatim, raw, UTF-8) and of the text parts of interpolated strings,
/// and the mapping of a character range of that text back to the source, so that a diagnostic covers exactly
/// the matched characters (CG1005, CG1006). Holes of an interpolated string are not text and are never scanned.
/// </summary>
internal static class LiteralText
{
    public static readonly SyntaxKind[] Kinds =
    {
        SyntaxKind.StringLiteralExpression,
        SyntaxKind.Utf8StringLiteralExpression,
        SyntaxKind.InterpolatedStringText,
    };

    public static bool TryGet(SyntaxNode node, out SyntaxToken token, out string value)
    {
        token = node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax text => text.TextToken,
            _ => default,
        };
        value = token.ValueText;
        return !string.IsNullOrEmpty(value);
    }

    /// <summary>
    /// The source span of <c>value[index .. index+length]</c>. Exact when the literal has no escape sequences
    /// before or inside the range; otherwise the n-th occurrence of the same characters in the source text; when
    /// even that fails (an escape inside the range), the whole token.
    /// </summary>
    public static TextSpan MapToSource(SyntaxToken token, string value, int index, int length)
    {
        var text = token.Text;
        int contentStart = token.IsKind(SyntaxKind.InterpolatedStringTextToken) ? 0 : ContentStart(text);
        if (contentStart + value.Length <= text.Length
            && string.CompareOrdinal(text, contentStart, value, 0, index + length) == 0)
        {
            return new TextSpan(token.SpanStart + contentStart + index, length);
        }

        var needle = value.Substring(index, length);
        int occurrence = 0;
        for (int i = value.IndexOf(needle, StringComparison.Ordinal); i >= 0 && i < index; i = value.IndexOf(needle, i + 1, StringComparison.Ordinal)) occurrence++;
        int at = text.IndexOf(needle, contentStart, StringComparison.Ordinal);
        for (int n = 0; n < occurrence && at >= 0; n++) at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        return at >= 0 ? new TextSpan(token.SpanStart + at, length) : token.Span;
    }

    /// <summary>Where the characters start in a literal token: after @, $, the opening quotes (one, or three and more for raw strings).</summary>
    private static int ContentStart(string text)
    {
        int i = 0;
        while (i < text.Length && (text[i] == '@' || text[i] == '$')) i++;
        int quotes = 0;
        while (i < text.Length && text[i] == '"') { i++; quotes++; }
        if (quotes >= 3)
        {
            // Raw string: a multi-line one starts after the first line break.
            int j = i;
            while (j < text.Length && (text[j] == ' ' || text[j] == '\t')) j++;
            if (j < text.Length && (text[j] == '\r' || text[j] == '\n')) return i; // indentation is removed: fall back to search
        }
        return i;
    }
}
