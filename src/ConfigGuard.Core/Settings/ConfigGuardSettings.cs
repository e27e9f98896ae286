using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Settings;

/// <summary>What a repository's configguard.yaml says. <see cref="Empty"/> when there is none.</summary>
public sealed class ConfigGuardSettings
{
    public static ConfigGuardSettings Empty { get; } = new();

    /// <summary>Path globs that fix a file's environment, in file order (first match wins).</summary>
    public List<(Glob Glob, string Environment)> EnvironmentGlobs { get; } = new();
    /// <summary>A repository's own environment names (configguard.yaml <c>names:</c>): eshopfoo -> staging.</summary>
    public List<KeyValuePair<string, EnvironmentClass>> Names { get; } = new();
    public List<string> ProductionHosts { get; } = new();
    public List<string> ProductionDomains { get; } = new();
    /// <summary>Extra keys (normalized regexes) whose values are secrets.</summary>
    public List<string> SecretKeys { get; } = new();
    /// <summary>Extra keys (normalized regexes) that name a resource staging and production must not share (CG0005).</summary>
    public List<string> ResourceKeys { get; } = new();
    /// <summary>Keys (normalized regexes) that are never resources, whatever the rule pack says.</summary>
    public List<string> ResourceExempt { get; } = new();
    public Dictionary<string, Severity> SeverityOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<Glob> Exclude { get; } = new();
    /// <summary>Globs scanned even inside a vendored folder (configguard.yaml <c>include:</c>).</summary>
    public List<Glob> Include { get; } = new();

    /// <summary>
    /// Folders that hold other people's code and its fixtures, not the team's config: skipped by default, wherever they
    /// are (a path is re-included by <see cref="Include"/>).
    /// </summary>
    public static ISet<string> VendoredDirectories { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "vendor", "node_modules", "third_party", "third-party", "thirdparty", "bower_components", "jspm_packages",
        ".venv", "venv", "site-packages", "Pods", "Carthage", ".terraform", ".yarn",
    };

    /// <summary>True when a repository-relative path lies in a vendored folder and no <c>include:</c> glob takes it back.</summary>
    public bool IsVendored(string path)
    {
        var segments = path.Split('/');
        bool vendored = false;
        for (int i = 0; i < segments.Length - 1 && !vendored; i++) vendored = VendoredDirectories.Contains(segments[i]);
        if (!vendored) return false;
        foreach (var g in Include) if (g.IsMatch(path)) return false;
        return true;
    }
    /// <summary>A repository's own credential formats (checked before the built-in catalog).</summary>
    public List<Catalog.CredentialPattern> Credentials { get; } = new();

    public bool IsExcluded(string path)
    {
        foreach (var g in Exclude) if (g.IsMatch(path)) return true;
        return false;
    }
}
