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

    /// <summary>
    /// The value points at a monitoring or telemetry service (rules/keys.yaml monitoringWords): its key names one
    /// (PUSHGATEWAY_HOST) or the host's first label does (prometheus-infra-prod.apps...). One stack serves every environment.
    /// </summary>
    public static bool IsMonitoring(string key, string? host, RulePack pack)
    {
        var words = pack.Keys.MonitoringWords;
        if (words.Count == 0) return false;
        if (Text.WordTokens.FirstIn(key, words) is not null) return true;
        if (string.IsNullOrEmpty(host)) return false;
        int dot = host!.IndexOf('.');
        return Text.WordTokens.FirstIn(dot < 0 ? host : host.Substring(0, dot), words) is not null;
    }
}
