using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConfigGuard.Core.Settings;

/// <summary>
/// Reads configguard.yaml. Unknown keys and wrong shapes are errors with line and column (a typo in a
/// safety tool's config must not silently turn a check off). Every error in the file is collected, not only the
/// first: the exception thrown carries them all in <see cref="YamlFormatException.Errors"/>, so a user fixes the
/// file in one round.
/// </summary>
public static class SettingsParser
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "environments", "names", "production", "secrets", "resources", "credentials", "rules", "exclude", "include",
    };

    /// <exception cref="YamlFormatException">
    /// The file is not valid YAML or not a valid configguard.yaml; <see cref="YamlFormatException.Errors"/> lists every
    /// problem found, in file order.
    /// </exception>
    /// <param name="sourcePath">The file's path as notes name it (repository-relative).</param>
    public static ConfigGuardSettings Parse(string text, RulePack pack, string sourcePath = "configguard.yaml")
    {
        YamlMappingNode? root;
        try { root = YamlNodes.LoadRoot(text); }
        catch (YamlException e) { throw YamlFormatException.From(e); }
        var settings = new ConfigGuardSettings();
        if (root is null) return settings;
        var errors = new List<YamlFormatException>();
        void Try(Action read)
        {
            try { read(); }
            catch (YamlFormatException e) { errors.AddRange(e.Errors); }
        }

        foreach (var pair in root.Children)
        {
            var key = (pair.Key as YamlScalarNode)?.Value ?? "";
            if (!TopLevelKeys.Contains(key))
                errors.Add(new YamlFormatException(pair.Key, $"unknown key {SafeEcho.Quote(key)} (expected one of: {string.Join(", ", TopLevelKeys)})"));
        }

        // names first: environments may use the names it declares.
        if (root.Get("names") is { } names) Try(() => ReadNames(names, settings, errors));
        if (root.Get("environments") is { } envs) Try(() => ReadEnvironments(envs, settings, pack, errors));
        if (root.Get("production") is { } prod)
        {
            Try(() =>
            {
                var map = prod as YamlMappingNode ?? throw new YamlFormatException(prod, "'production' must be a mapping with 'hosts' and/or 'domains'");
                ExpectKeys(map, "production", errors, "hosts", "domains");
                Try(() => settings.ProductionHosts.AddRange(map.GetStrings("hosts")));
                Try(() => settings.ProductionDomains.AddRange(map.GetStrings("domains")));
            });
        }
        if (root.Get("secrets") is { } secrets)
        {
            Try(() =>
            {
                var map = secrets as YamlMappingNode ?? throw new YamlFormatException(secrets, "'secrets' must be a mapping with 'keys'");
                ExpectKeys(map, "secrets", errors, "keys");
                foreach (var k in map.GetStrings("keys")) settings.SecretKeys.Add(KeyPattern(k));
            });
        }
        if (root.Get("resources") is { } resources)
        {
            Try(() =>
            {
                var map = resources as YamlMappingNode ?? throw new YamlFormatException(resources, "'resources' must be a mapping with 'keys' and/or 'exempt'");
                ExpectKeys(map, "resources", errors, "keys", "exempt");
                Try(() => { foreach (var k in map.GetStrings("keys")) settings.ResourceKeys.Add(KeyPattern(k)); });
                Try(() => { foreach (var k in map.GetStrings("exempt")) settings.ResourceExempt.Add(KeyPattern(k)); });
            });
        }
        if (root.Get("credentials") is YamlSequenceNode credentialList)
        {
            foreach (var item in credentialList.Children)
            {
                Try(() => settings.Credentials.Add(UserCredential(
                    item as YamlMappingNode ?? throw new YamlFormatException(item, "items of 'credentials' must be mappings"), sourcePath)));
            }
        }
        else Try(() => { foreach (var c in root.GetMappings("credentials")) settings.Credentials.Add(UserCredential(c, sourcePath)); });
        if (root.Get("rules") is { } rules) Try(() => ReadRules(rules, settings, pack, errors));
        Try(() => { foreach (var g in root.GetStrings("exclude")) settings.Exclude.Add(new Glob(g)); });
        Try(() => { foreach (var g in root.GetStrings("include")) settings.Include.Add(new Glob(g)); });
        if (errors.Count > 0) throw YamlFormatException.Several(errors);
        return settings;
    }

    /// <summary>A key as a user writes it (Sentry:Dsn, MY_*_TOKEN) -> a whole-key regex over normalized keys; `*` is a wildcard.</summary>
    private static string KeyPattern(string key) =>
        System.Text.RegularExpressions.Regex.Escape(KeyNames.Normalize(key)).Replace("\\*", ".*");

    private static void ReadEnvironments(YamlNode node, ConfigGuardSettings settings, RulePack pack, List<YamlFormatException> errors)
    {
        var map = node as YamlMappingNode ?? throw new YamlFormatException(node, "'environments' must map an environment name to path globs, e.g. staging: [\"deploy/stg/**\"]");
        foreach (var pair in map.Children)
        {
            var env = (pair.Key as YamlScalarNode)?.Value ?? "";
            var known = settings.Names.Count == 0 ? pack.Environments : pack.Environments.With(settings.Names);
            if (known.ClassifyName(env) == EnvironmentClass.Unknown && !string.Equals(env, "base", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new YamlFormatException(pair.Key, $"unknown environment {SafeEcho.Quote(env)} (use production, staging, development, test, template, base or one of their aliases)"));
                continue;
            }
            try { foreach (var g in YamlNodes.ToStrings(pair.Value, env)) settings.EnvironmentGlobs.Add((new Glob(g), env)); }
            catch (YamlFormatException e) { errors.AddRange(e.Errors); }
        }
    }

    /// <summary><c>names: { staging: [qa2, eshopfoo], production: [main] }</c>: a repository's own environment names.</summary>
    private static void ReadNames(YamlNode node, ConfigGuardSettings settings, List<YamlFormatException> errors)
    {
        var map = node as YamlMappingNode ?? throw new YamlFormatException(node, "'names' must map an environment class to the names a repository uses, e.g. staging: [qa2, acc]");
        foreach (var pair in map.Children)
        {
            try
            {
                var cls = (pair.Key as YamlScalarNode)?.Value?.ToLowerInvariant() switch
                {
                    "production" => EnvironmentClass.Production,
                    "staging" => EnvironmentClass.Staging,
                    "development" => EnvironmentClass.Development,
                    "test" => EnvironmentClass.Test,
                    "template" => EnvironmentClass.Template,
                    var other => throw new YamlFormatException(pair.Key, $"unknown environment class {SafeEcho.Quote(other ?? "")} under 'names' (production, staging, development, test or template)"),
                };
                foreach (var n in YamlNodes.ToStrings(pair.Value, "names"))
                    settings.Names.Add(new KeyValuePair<string, EnvironmentClass>(n, cls));
            }
            catch (YamlFormatException e) { errors.AddRange(e.Errors); }
        }
    }

    private static void ReadRules(YamlNode node, ConfigGuardSettings settings, RulePack pack, List<YamlFormatException> errors)
    {
        var map = node as YamlMappingNode ?? throw new YamlFormatException(node, "'rules' must map a rule ID to a severity, e.g. CG0007: error");
        foreach (var pair in map.Children)
        {
            var id = (pair.Key as YamlScalarNode)?.Value ?? "";
            if (!pack.RulesById.ContainsKey(id))
            {
                errors.Add(new YamlFormatException(pair.Key, $"unknown rule {SafeEcho.Quote(id)}"));
                continue;
            }
            var value = (pair.Value as YamlScalarNode)?.Value;
            if (!SeverityNames.TryParse(value, out var sev))
                errors.Add(new YamlFormatException(pair.Value, $"{SafeEcho.Quote(value ?? "")} is not a severity (error, warning, note, none)"));
            else settings.SeverityOverrides[id] = sev;
        }
    }

    private static void ExpectKeys(YamlMappingNode map, string section, List<YamlFormatException> errors, params string[] allowed)
    {
        foreach (var pair in map.Children)
        {
            var k = (pair.Key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, k) < 0)
                errors.Add(new YamlFormatException(pair.Key, $"unknown key {SafeEcho.Quote(k)} in '{section}' (expected: {string.Join(", ", allowed)})"));
        }
    }

    private static CredentialPattern UserCredential(YamlMappingNode m, string sourcePath)
    {
        var pattern = RulePack.ReadCredential(m, userDefined: true);
        var at = m.Get("pattern") ?? m;
        pattern.Place = new RegexBudget.Place(sourcePath, (int)at.Start.Line, (int)at.Start.Column, $"credential pattern {SafeEcho.Quote(pattern.Id)}");
        return pattern;
    }
}
