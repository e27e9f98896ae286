using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Environments;

/// <summary>The environment vocabulary of the rule pack (rules/environments.yaml).</summary>
public sealed class EnvironmentNames
{
    private readonly Dictionary<string, EnvironmentClass> _byName;

    public EnvironmentNames(
        IReadOnlyDictionary<string, EnvironmentClass> names,
        IEnumerable<string> productionTokens,
        IEnumerable<string> nonProductionTokens,
        IEnumerable<string> declarationKeys,
        IEnumerable<string> buildModeKeys)
    {
        _byName = new Dictionary<string, EnvironmentClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in names) _byName[pair.Key] = pair.Value;
        ProductionTokens = new HashSet<string>(productionTokens, StringComparer.OrdinalIgnoreCase);
        NonProductionTokens = new HashSet<string>(nonProductionTokens, StringComparer.OrdinalIgnoreCase);
        DeclarationKeys = new HashSet<string>(declarationKeys, StringComparer.Ordinal);
        BuildModeKeys = new HashSet<string>(buildModeKeys, StringComparer.Ordinal);
    }

    public ISet<string> ProductionTokens { get; }
    public ISet<string> NonProductionTokens { get; }
    /// <summary>Normalized keys (see <see cref="Model.KeyNames.Normalize"/>) that declare an environment.</summary>
    public ISet<string> DeclarationKeys { get; }
    public ISet<string> BuildModeKeys { get; }

    /// <summary>Class of an exact environment name (<c>stg</c> -> Staging), or Unknown.</summary>
    public EnvironmentClass Classify(string name) =>
        _byName.TryGetValue(name.Trim(), out var c) ? c : EnvironmentClass.Unknown;

    /// <summary>
    /// Class of a declared value such as <c>eu-staging</c> or <c>Production</c>: the whole value first, then
    /// its tokens; Unknown when no token names an environment or tokens disagree.
    /// </summary>
    public EnvironmentClass ClassifyValue(string value)
    {
        var whole = Classify(value);
        if (whole != EnvironmentClass.Unknown) return whole;
        var result = EnvironmentClass.Unknown;
        foreach (var token in EnvironmentTokens.Tokenize(value))
        {
            var c = Classify(token);
            if (c == EnvironmentClass.Unknown) continue;
            if (result != EnvironmentClass.Unknown && result != c) return EnvironmentClass.Unknown;
            result = c;
        }
        return result;
    }
}
