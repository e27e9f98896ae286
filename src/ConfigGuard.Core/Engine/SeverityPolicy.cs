using System;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// The severity a finding is reported with: `.editorconfig` (per path, `dotnet_diagnostic.CG0001.severity`) wins over
/// configguard.yaml `rules:`, which wins over the rule's default. The same keys drive the IDE, the build and the CLI.
/// </summary>
public sealed class SeverityPolicy
{
    private readonly RulePack _pack;
    private readonly ConfigGuardSettings _settings;
    private readonly Func<string, string, Severity?>? _perPath;

    /// <param name="perPath">(path, ruleId) -> severity from .editorconfig, or null when it says nothing.</param>
    public SeverityPolicy(RulePack pack, ConfigGuardSettings settings, Func<string, string, Severity?>? perPath = null)
    {
        _pack = pack;
        _settings = settings;
        _perPath = perPath;
    }

    public Severity For(string path, string ruleId)
    {
        var fromEditorConfig = _perPath?.Invoke(path, ruleId);
        if (fromEditorConfig is { } s) return s;
        if (_settings.SeverityOverrides.TryGetValue(ruleId, out var fromSettings)) return fromSettings;
        return _pack.RulesById.TryGetValue(ruleId, out var rule) ? rule.DefaultSeverity : Severity.Warning;
    }
}
