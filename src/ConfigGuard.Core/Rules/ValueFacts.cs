using System;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>Small judgements several rules share about a value.</summary>
internal static class ValueFacts
{
    /// <summary>A reference resolved at deploy time (${VAR}, $(VAR), %VAR%, {{ .Values.x }}, #{Token}#): not a literal to judge.</summary>
    public static bool IsReference(string value) => Endpoints.ValueReference.IsReference(value);

    /// <summary>A credential match whose body is a filler (sk_live_xxxxxxxxxxxx, sk_live_0000000000): a placeholder, not a key.</summary>
    public static bool IsFiller(CredentialMatch m)
    {
        var body = m.Value.Length > m.Pattern.Keyword.Length ? m.Value.Substring(m.Pattern.Keyword.Length) : m.Value;
        var distinct = new System.Collections.Generic.HashSet<char>(body.ToLowerInvariant());
        return distinct.Count <= 2;
    }

    public static bool IsDeclaration(EffectiveEntry e, RulePack pack) => pack.Environments.DeclarationKeys.Contains(e.NormalizedKey);
}
