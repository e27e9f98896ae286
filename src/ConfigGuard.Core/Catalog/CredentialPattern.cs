using System;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>One credential format from rules/credentials.yaml. The regex is compiled on first use only.</summary>
public sealed class CredentialPattern
{
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);
    private readonly string _pattern;
    private Regex? _regex;

    /// <param name="userDefined">From a repository's configguard.yaml: compiled for the non-backtracking engine (<see cref="Text.LinearRegex"/>).</param>
    public CredentialPattern(string id, string provider, CredentialMode mode, string keyword, string pattern, bool isPublic, string? prefix, bool userDefined = false)
    {
        UserDefined = userDefined;
        Id = id;
        Provider = provider;
        Mode = mode;
        Keyword = keyword;
        _pattern = pattern;
        IsPublic = isPublic;
        Prefix = prefix ?? keyword;
    }

    public string Id { get; }
    public string Provider { get; }
    public CredentialMode Mode { get; }
    public string Keyword { get; }
    public bool IsPublic { get; }
    /// <summary>What redaction may show of a match.</summary>
    public string Prefix { get; }

    /// <summary>A real secret (not a publishable key): committing it is a leak.</summary>
    public bool IsSecret => !IsPublic;

    public bool UserDefined { get; }

    /// <summary>Where the pattern is declared (a repository's configguard.yaml and its line), for notes about it.</summary>
    public Text.RegexBudget.Place Place { get; set; }

    public Regex Regex => _regex ??= UserDefined
        ? Text.LinearRegex.Create(_pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeout)
        : new Regex(_pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeout);

    /// <summary>Compiles the pattern now; throws ArgumentException for an invalid one (used when loading user rules).</summary>
    public void Validate() => _ = Regex;
}
