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
    public static bool IsMonitoring(string key, string? host, RulePack pack) => NamesAService(key, host, pack.Keys, pack.Keys.MonitoringWords);

    /// <summary>
    /// The host is a feature-flag server's (rules/keys.yaml featureFlagWords), named by its key (UNLEASH_URL) or by the
    /// host's first label: one flag server serves every environment, each with its own environment name and token.
    /// </summary>
    public static bool IsFeatureFlagService(string key, string? host, RulePack pack) => !string.IsNullOrEmpty(host) && NamesAService(key, host, pack.Keys, pack.Keys.FeatureFlagWords);

    private static bool NamesAService(string key, string? host, Catalog.KeyCatalog keys, System.Collections.Generic.ISet<string> words)
    {
        if (words.Count == 0) return false;
        if (keys.HasWordOf(words, key)) return true;
        if (string.IsNullOrEmpty(host)) return false;
        int dot = host!.IndexOf('.');
        return keys.HasWordOf(words, dot < 0 ? host : host.Substring(0, dot));
    }
}
