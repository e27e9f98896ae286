using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// The environment vocabulary of the rule pack (rules/environments.yaml), and how a name is read from its parts:
/// a whole name (<c>uat</c>), a part of a longer one (<c>staging-eu</c>, <c>DeployedProd</c>), a name joined to another
/// word (<c>eshopdev</c>) unless a known word covers it (<c>devices</c>), and qualifiers that make a production name
/// a non-production one (<c>production-like</c>).
/// </summary>
public sealed class EnvironmentNames
{
    private Dictionary<string, EnvironmentClass> _byName;
    private readonly HashSet<string> _wholeNameOnly;
    private readonly List<string> _joinable;
    private readonly List<string> _notEnvironmentWords;
    private readonly HashSet<string> _notProductionQualifiers;
    private readonly Regex? _declarationHints;
    private readonly List<string> _modeFileKeyPrefixes;
    private readonly HashSet<string> _labelKeys;

    /// <summary>The shortest rest of a joined word (<c>eshop</c> in <c>eshopdev</c>) that is read as a word of its own.</summary>
    public const int MinJoinedRest = 3;

    public EnvironmentNames(
        IReadOnlyDictionary<string, EnvironmentClass> names,
        IEnumerable<string> productionTokens,
        IEnumerable<string> nonProductionTokens,
        IEnumerable<string> declarationKeys,
        IEnumerable<string> buildModeKeys,
        IEnumerable<string>? wholeNameOnly = null,
        IEnumerable<string>? joinableNames = null,
        IEnumerable<string>? notEnvironmentWords = null,
        IEnumerable<string>? notProductionQualifiers = null,
        IEnumerable<string>? declarationHintKeys = null,
        IEnumerable<string>? modeFileKeyPrefixes = null,
        IEnumerable<string>? environmentLabelKeys = null,
        IEnumerable<string>? environmentFolders = null,
        IEnumerable<string>? qualifierWords = null,
        IEnumerable<string>? mutableImageTags = null,
        IEnumerable<string>? testActivityWords = null)
    {
        _testActivityWords = new HashSet<string>(testActivityWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, EnvironmentClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in names) _byName[pair.Key] = pair.Value;
        ProductionTokens = new HashSet<string>(productionTokens, StringComparer.OrdinalIgnoreCase);
        NonProductionTokens = new HashSet<string>(nonProductionTokens, StringComparer.OrdinalIgnoreCase);
        DeclarationKeys = new HashSet<string>(declarationKeys, StringComparer.Ordinal);
        BuildModeKeys = new HashSet<string>(buildModeKeys, StringComparer.Ordinal);
        _wholeNameOnly = new HashSet<string>(wholeNameOnly ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        _joinable = new List<string>(joinableNames ?? Array.Empty<string>());
        // Longest first: "testing" before "test", "production" before "prod".
        _joinable.Sort((a, b) => b.Length.CompareTo(a.Length));
        _notEnvironmentWords = new List<string>();
        foreach (var w in notEnvironmentWords ?? Array.Empty<string>()) _notEnvironmentWords.Add(w.ToLowerInvariant());
        _notProductionQualifiers = new HashSet<string>(notProductionQualifiers ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var hints = new List<string>(declarationHintKeys ?? Array.Empty<string>());
        _declarationHints = hints.Count == 0 ? null
            : new Regex("^(?:" + string.Join("|", hints) + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        _modeFileKeyPrefixes = new List<string>(modeFileKeyPrefixes ?? Array.Empty<string>());
        _labelKeys = new HashSet<string>(environmentLabelKeys ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        _environmentFolders = new HashSet<string>(environmentFolders ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        _qualifierWords = new HashSet<string>(qualifierWords ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        _mutableImageTags = new HashSet<string>(mutableImageTags ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
    }

    private readonly HashSet<string> _mutableImageTags;

    /// <summary>An image tag that names a moving pointer (latest, main, develop, stable), not a release (CG0017).</summary>
    public bool IsMutableImageTag(string tag) => _mutableImageTags.Contains(tag);

    private readonly HashSet<string> _environmentFolders;
    private readonly HashSet<string> _testActivityWords;
    private readonly HashSet<string> _qualifierWords;

    public ISet<string> ProductionTokens { get; }
    public ISet<string> NonProductionTokens { get; }
    /// <summary>Normalized keys (see <see cref="Model.KeyNames.Normalize"/>) that declare an environment.</summary>
    public ISet<string> DeclarationKeys { get; }
    public ISet<string> BuildModeKeys { get; }

    /// <summary>The names of the vocabulary and their classes (for `configguard envs` and the settings check).</summary>
    public IEnumerable<KeyValuePair<string, EnvironmentClass>> Names => _byName;

    /// <summary>A copy with a repository's own names added (configguard.yaml <c>names:</c>); they win over the built-in ones.</summary>
    public EnvironmentNames With(IEnumerable<KeyValuePair<string, EnvironmentClass>> extra)
    {
        var copy = (EnvironmentNames)MemberwiseClone();
        var names = new Dictionary<string, EnvironmentClass>(_byName, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in extra) names[pair.Key] = pair.Value;
        copy._byName = names;
        return copy;
    }

    /// <summary>Class of an exact environment name (<c>stg</c> -> Staging), or Unknown.</summary>
    public EnvironmentClass Classify(string name) =>
        _byName.TryGetValue(name.Trim(), out var c) ? c : EnvironmentClass.Unknown;

    /// <summary>
    /// Class of a file-name segment or folder as teams name them: the whole name (<c>uat</c>), else its parts
    /// (<c>staging-eu</c>, <c>DeployedProd</c>, <c>eshopdev</c>, <c>production-like</c> -> staging); Unknown when no part
    /// names an environment or parts disagree.
    /// </summary>
    public EnvironmentClass ClassifyName(string name) => ClassifyParts(name, joined: true);

    /// <summary>
    /// Class of a segment of a config file's name (<c>.env.[segment]</c>, <c>appsettings.[segment].json</c>): like
    /// <see cref="ClassifyName"/>, and names that elsewhere count only whole count as parts too (<c>DeployedLocal</c>,
    /// <c>ci-eu</c>): a config file's name is there to say its environment.
    /// </summary>
    public EnvironmentClass ClassifyFileSegment(string segment) => ClassifyParts(segment, joined: true, wholeOnly: false);

    /// <summary>
    /// Class of a folder: its exact name (<c>staging/</c>), else its parts when its other words are all qualifiers
    /// (<c>staging-eu</c>, <c>prod-us-east-1</c>) or when <paramref name="parent"/> is a folder of environments
    /// (<c>envs/</c>, <c>overlays/</c>). <c>samples/staging-leak</c> is a project, not staging.
    /// </summary>
    public EnvironmentClass ClassifyFolder(string name, string? parent)
    {
        var whole = Classify(name);
        if (whole != EnvironmentClass.Unknown) return whole;
        if (parent is not null && _environmentFolders.Contains(parent)) return ClassifyName(name);
        foreach (var q in Qualifiers(name))
        {
            if (!_qualifierWords.Contains(q)) return EnvironmentClass.Unknown;
        }
        return ClassifyParts(name, joined: false);
    }

    /// <summary>
    /// Class of a declared value such as <c>eu-staging</c> or <c>Production</c>: the whole value first, then its parts
    /// (words joined without a separator are not read here: a value is what a team typed on purpose).
    /// </summary>
    public EnvironmentClass ClassifyValue(string value) => ClassifyParts(value, joined: false);

    private EnvironmentClass ClassifyParts(string text, bool joined, bool wholeOnly = true)
    {
        var whole = Classify(text);
        if (whole != EnvironmentClass.Unknown) return whole;
        var result = EnvironmentClass.Unknown;
        bool qualified = false;
        var tokens = WordTokens.Tokenize(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (_notProductionQualifiers.Contains(token)) { qualified = true; continue; }
            // prow-test-pods, e2e-test-runner: the activity of testing, which production CI runs too, not a test environment.
            if (i + 1 < tokens.Count && _testActivityWords.Contains(tokens[i + 1]) && Classify(token) == EnvironmentClass.Test) continue;
            var c = wholeOnly && _wholeNameOnly.Contains(token) ? EnvironmentClass.Unknown : Classify(token);
            if (c == EnvironmentClass.Unknown && joined && JoinedName(token, out var name, out var rest))
            {
                c = Classify(name);
                if (_notProductionQualifiers.Contains(rest)) qualified = true;
            }
            if (c == EnvironmentClass.Unknown) continue;
            if (result != EnvironmentClass.Unknown && result != c) return EnvironmentClass.Unknown;
            result = c;
        }
        return result == EnvironmentClass.Production && qualified ? EnvironmentClass.Staging : result;
    }

    /// <summary>
    /// The parts of a name that are not environment words (<c>staging-eu</c> -> [eu], <c>prod-us-east</c> -> [us, east]):
    /// what tells two regions or tenants of one layout apart.
    /// </summary>
    public List<string> Qualifiers(string name)
    {
        var result = new List<string>();
        if (Classify(name) != EnvironmentClass.Unknown) return result;
        foreach (var token in WordTokens.Tokenize(name))
        {
            if (Classify(token) != EnvironmentClass.Unknown || _notProductionQualifiers.Contains(token)) continue;
            if (JoinedName(token, out _, out var rest)) { result.Add(rest); continue; }
            result.Add(token);
        }
        return result;
    }

    /// <summary>
    /// A joinable environment name at the start or end of one word (<c>eshopdev</c> -> dev + eshop), when the rest is a
    /// word of its own (3+ letters) and no known word covers the name (<c>devices</c>, <c>contest</c>, <c>latest</c>).
    /// </summary>
    public bool JoinedName(string word, out string name, out string rest)
    {
        var w = word.ToLowerInvariant();
        name = rest = "";
        // A name of its own is not two joined words: preprod is staging, not pre + prod.
        if (Classify(w) != EnvironmentClass.Unknown) return false;
        foreach (var n in _joinable)
        {
            if (w.Length - n.Length < MinJoinedRest) continue;
            if (w.StartsWith(n, StringComparison.Ordinal) && !Covered(w, 0, n.Length) && IsWordLike(w.Substring(n.Length)))
            {
                name = n;
                rest = w.Substring(n.Length);
                return true;
            }
            if (w.EndsWith(n, StringComparison.Ordinal) && !Covered(w, w.Length - n.Length, n.Length) && IsWordLike(w.Substring(0, w.Length - n.Length))
                && !_notProductionQualifiers.Contains(w.Substring(0, w.Length - n.Length)))
            {
                name = n;
                rest = w.Substring(0, w.Length - n.Length);
                return true;
            }
        }
        name = rest = "";
        return false;
    }

    /// <summary>True when a known non-environment word longer than the name overlaps it (devices over dev, contest over test).</summary>
    private bool Covered(string word, int start, int length)
    {
        foreach (var trap in _notEnvironmentWords)
        {
            if (trap.Length <= length) continue;
            for (int at = word.IndexOf(trap, StringComparison.Ordinal); at >= 0; at = word.IndexOf(trap, at + 1, StringComparison.Ordinal))
            {
                if (at < start + length && at + trap.Length > start) return true;
            }
        }
        return false;
    }

    private static bool IsWordLike(string rest)
    {
        int letters = 0;
        foreach (var ch in rest) if (char.IsLetter(ch)) letters++;
        return letters >= MinJoinedRest;
    }

    /// <summary>
    /// For CG0003: a key that says which environment a config is for, in any spelling teams use (APP_ENV, NODE_ENV,
    /// GOLANG_ENV, VITE_MODE, SPRING_PROFILES_ACTIVE), not only the <see cref="DeclarationKeys"/> CG0004 judges.
    /// </summary>
    public bool DeclaresEnvironment(string normalizedKey) =>
        DeclarationKeys.Contains(normalizedKey) || BuildModeKeys.Contains(normalizedKey)
        || (_declarationHints is not null && Matches(_declarationHints, normalizedKey));

    /// <summary>A key of a tool that loads `.env.[mode]` by the mode's name (Vite, Vue CLI): the file name declares the environment.</summary>
    public bool IsModeFileKey(string normalizedKey)
    {
        foreach (var p in _modeFileKeyPrefixes) if (normalizedKey.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A kustomize label key (commonLabels, labels) that names an environment: env, environment, example.com/stage.</summary>
    public bool IsEnvironmentLabel(string labelKey)
    {
        int slash = labelKey.LastIndexOf('/');
        return _labelKeys.Contains(slash < 0 ? labelKey : labelKey.Substring(slash + 1));
    }

    private static bool Matches(Regex regex, string text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
