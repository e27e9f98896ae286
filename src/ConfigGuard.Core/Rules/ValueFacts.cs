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

    public static bool IsDeclaration(EffectiveEntry e, RulePack pack) => pack.Environments.DeclarationKeys.Contains(e.NormalizedKey);
}
