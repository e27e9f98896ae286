using System;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// A value, or a part of one, that is resolved at deploy time rather than written literally: shell and compose
/// (<c>${VAR}</c>, <c>$VAR</c>), Azure Pipelines and kustomize (<c>$(VAR)</c>), Windows (<c>%VAR%</c>), Octopus and
/// Replace Tokens (<c>#{Token}#</c>, <c>__Token__</c>), Helm/Jinja/Go templates (<c>{{ .Values.x }}</c>), ERB
/// (<c>&lt;%= ENV['X'] %&gt;</c>) and Maven filtering (<c>@db.host@</c>). Such text names no host, database or secret:
/// it is never judged. Written by hand: the forms are a handful of fixed shapes, no library covers them all.
/// </summary>
public static class ValueReference
{
    private static readonly Regex Embedded = new(
        @"\$\{|\$\(|\{\{|#\{|<%|%[A-Za-z_][A-Za-z0-9_]{2,}%|(?<![A-Za-z0-9])__[A-Za-z][A-Za-z0-9_.]*__(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant, CredentialPattern.RegexTimeout);

    private static readonly Regex Whole = new(
        @"^(?:\$[A-Za-z_][A-Za-z0-9_]*|@[A-Za-z][A-Za-z0-9_.\-]*@)$",
        RegexOptions.CultureInvariant, CredentialPattern.RegexTimeout);

    /// <summary>True when the value holds a deploy-time reference anywhere (<c>${APP_URL}/v1</c>, <c>https://%HOST%/x</c>).</summary>
    public static bool IsReference(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 8192 || !MayHoldOne(v)) return false;
        return MatchesAForm(v);
    }

    /// <summary>The forms themselves, without the quick test of <see cref="MayHoldOne"/> (for the test that holds one to the other).</summary>
    internal static bool MatchesAForm(string v)
    {
        try { return Whole.IsMatch(v) || Embedded.IsMatch(v) || StartsWithVariable(v); }
        catch (RegexMatchTimeoutException) { return true; }
    }

    /// <summary>
    /// The same, for text no shell expands (appsettings JSON): a whole <c>$VAR</c> and the embedded forms are references
    /// an envsubst or pipeline step fills, but a longer value that merely starts with '$' (<c>$pheRex@2o2!</c>) is literal.
    /// </summary>
    public static bool IsReferenceInUnexpandedText(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 8192 || !MayHoldOne(v)) return false;
        try { return Whole.IsMatch(v) || Embedded.IsMatch(v); }
        catch (RegexMatchTimeoutException) { return true; }
    }

    /// <summary>True when a part cut out of a value (a host, a database name) is, or holds, a reference.</summary>
    public static bool InPart(string part) => part.IndexOf('$') >= 0 || part.IndexOf('{') >= 0 || part.IndexOf('%') >= 0 || IsReference(part);

    // Every form has one of these characters, or "__": most values (hosts, URLs, numbers, words) have none, and
    // need no regex. (ValueReferencePrefilterTests hold this to the forms.)
    private static readonly char[] FormCharacters = { '$', '{', '<', '%', '@', '#' };

    internal static bool MayHoldOne(string v) => v.IndexOfAny(FormCharacters) >= 0 || v.IndexOf("__", StringComparison.Ordinal) >= 0;

    // "$HOST:8080", "$API_URL/v1": a shell variable at the start of a longer value.
    private static bool StartsWithVariable(string v) => v.Length > 1 && v[0] == '$' && (char.IsLetter(v[1]) || v[1] == '_');
}
