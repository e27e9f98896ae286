using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

using ConfigGuard.Core.CodeKeys;

namespace ConfigGuard.Core.Rules;

/// <summary>How a key reaches an environment.</summary>
public enum ProvidedBy
{
    /// <summary>A value written in the repository (appsettings, .env, a kustomize env literal or ConfigMap).</summary>
    Value,
    /// <summary>A secret store the repository names: a Secret (secretKeyRef, envFrom secretRef), a Key Vault reference, user secrets.</summary>
    SecretStore,
}

/// <summary>One key an environment provides, and where.</summary>
public sealed class ProvidedKey
{
    public ProvidedKey(string key, ProvidedBy by, string path, SourceSpan span, string how)
    {
        Key = key;
        By = by;
        Path = path;
        Span = span;
        How = how;
    }

    /// <summary>The configuration path (<c>Stripe:SecretKey</c>); an environment variable <c>Stripe__SecretKey</c> becomes it.</summary>
    public string Key { get; }
    public ProvidedBy By { get; }
    public string Path { get; }
    public SourceSpan Span { get; }
    /// <summary>"appsettings.Staging.json", "env Stripe__SecretKey", "secretKeyRef shop-secrets/stripe-key".</summary>
    public string How { get; }
}

/// <summary>
/// One environment as the application sees it: every view of that environment (appsettings layering, a .env file, a
/// kustomize overlay's containers) merged, with the mapping .NET applies (<c>A__B</c> = <c>A:B</c>, prefixes given to
/// <c>AddEnvironmentVariables</c>, <c>*CONNSTR_X</c> = <c>ConnectionStrings:X</c>).
/// </summary>
public sealed class EnvironmentKeySet
{
    private readonly Dictionary<string, ProvidedKey> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ProvidedKey> _variables = new(StringComparer.Ordinal);
    private readonly List<string> _sortedKeys = new();
    private bool _sorted = true;

    public EnvironmentKeySet(EnvironmentClass @class, string name)
    {
        Class = @class;
        Name = name;
    }

    public EnvironmentClass Class { get; }
    public string Name { get; }
    /// <summary>The views merged into this environment.</summary>
    public List<EnvironmentView> Views { get; } = new();
    /// <summary>Why keys can arrive that the repository does not show (envFrom a Secret made elsewhere, a Key Vault provider): nothing can be called missing here.</summary>
    public string? OpenReason { get; internal set; }
    /// <summary>Variables only: a container takes variables from a source outside the build.</summary>
    public string? OpenVariablesReason { get; internal set; }
    /// <summary>Deployed (staging or production class): what CG1007 compares.</summary>
    public bool IsDeployed => Class.IsDeployable();
    /// <summary>The environment is deployed by a kustomize overlay or a <c>.env.&lt;env&gt;</c> file (it sets process variables).</summary>
    public bool SetsVariables => Views.Any(v => v.Primary.Format is ConfigFormat.Kustomize or ConfigFormat.DotEnv);

    public IEnumerable<ProvidedKey> Keys => _keys.Values;
    public IEnumerable<ProvidedKey> Variables => _variables.Values;

    /// <summary>Config files that make up the environment, for messages ("appsettings.json, overlays/staging/kustomization.yaml").</summary>
    public string Describe() => string.Join(", ", Views.Select(v => v.Primary.Path).Distinct().OrderBy(p => p, StringComparer.Ordinal));

    internal void AddKey(ProvidedKey k)
    {
        if (!_keys.TryGetValue(k.Key, out var existing) || (existing.By == ProvidedBy.Value && k.By == ProvidedBy.SecretStore)) _keys[k.Key] = k;
        _sorted = false;
    }

    internal void AddVariable(string name, ProvidedKey k)
    {
        if (!_variables.ContainsKey(name)) _variables[name] = k;
    }

    /// <summary>What provides a key the code reads; for a section, the first key below it.</summary>
    public ProvidedKey? Find(ConfigKeyRead read)
    {
        if (read.Kind == ConfigKeyReadKind.EnvironmentVariable)
            return _variables.TryGetValue(read.Key, out var v) ? v : null;
        if (_keys.TryGetValue(read.Key, out var k)) return k;
        if (!read.IsSection) return null;
        if (!_sorted)
        {
            _sortedKeys.Clear();
            _sortedKeys.AddRange(_keys.Keys);
            _sortedKeys.Sort(StringComparer.OrdinalIgnoreCase);
            _sorted = true;
        }
        var prefix = read.Key + ":";
        int i = _sortedKeys.BinarySearch(prefix, StringComparer.OrdinalIgnoreCase);
        if (i < 0) i = ~i;
        return i < _sortedKeys.Count && _sortedKeys[i].StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? _keys[_sortedKeys[i]] : null;
    }

    /// <summary>The key cannot be judged missing: an open source (or, for variables, an open variable source) may provide it.</summary>
    public bool MayProvideUnseen(ConfigKeyRead read) =>
        OpenReason is not null || (read.Kind == ConfigKeyReadKind.EnvironmentVariable && OpenVariablesReason is not null);

    public override string ToString() => $"{Name} ({Class.ToName()}): {_keys.Count} keys";
}

/// <summary>Builds one <see cref="EnvironmentKeySet"/> per environment from the engine's views (nothing is parsed again).</summary>
public static class EnvironmentKeys
{
    private static readonly string[] ConnectionStringPrefixes = { "MYSQLCONNSTR_", "SQLAZURECONNSTR_", "SQLCONNSTR_", "CUSTOMCONNSTR_", "POSTGRESQLCONNSTR_" };

    /// <summary>
    /// appsettings views join the deployment (kustomize overlay, .env) of the same environment name, or the only
    /// deployment of their class; views of templates, local overrides and unknown environments are left out.
    /// </summary>
    public static IReadOnlyList<EnvironmentKeySet> From(IReadOnlyList<EnvironmentView> views, CodeFacts code)
    {
        var sets = new List<EnvironmentKeySet>();
        EnvironmentKeySet SetFor(EnvironmentView v)
        {
            var existing = sets.FirstOrDefault(s => s.Class == v.Class && s.Name.Equals(v.Name, StringComparison.OrdinalIgnoreCase));
            if (existing is null) sets.Add(existing = new EnvironmentKeySet(v.Class, v.Name));
            return existing;
        }
        var usable = views.Where(v => v.Class is not (EnvironmentClass.Template or EnvironmentClass.Unknown or EnvironmentClass.Base)
                                      && !v.Primary.Environment.IsLocalOverride)
            .OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList();
        foreach (var v in usable.Where(v => v.Primary.Format != ConfigFormat.AppSettingsJson)) SetFor(v).Views.Add(v);
        foreach (var v in usable.Where(v => v.Primary.Format == ConfigFormat.AppSettingsJson))
        {
            var byName = sets.FirstOrDefault(s => s.Class == v.Class && s.Name.Equals(v.Name, StringComparison.OrdinalIgnoreCase));
            var ofClass = sets.Where(s => s.Class == v.Class).ToList();
            var target = byName ?? (ofClass.Count == 1 ? ofClass[0] : null);
            if (target is null) sets.Add(target = new EnvironmentKeySet(v.Class, v.Name));
            target.Views.Add(v);
        }
        foreach (var set in sets)
        {
            foreach (var v in set.Views) Add(set, v, code);
            if (code.SecretStoreSources.Count > 0) set.OpenReason ??= "the code adds " + string.Join(", ", code.SecretStoreSources) + " as a configuration source";
            if (code.UsesUserSecrets && set.Class == EnvironmentClass.Development) set.OpenReason ??= "user secrets";
        }
        return sets.OrderBy(s => Order(s.Class)).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static int Order(EnvironmentClass c) => c switch
    {
        EnvironmentClass.Development => 0,
        EnvironmentClass.Test => 1,
        EnvironmentClass.Staging => 2,
        EnvironmentClass.Production => 3,
        _ => 4,
    };

    private static void Add(EnvironmentKeySet set, EnvironmentView view, CodeFacts code)
    {
        switch (view.Primary.Format)
        {
            case ConfigFormat.AppSettingsJson:
                foreach (var e in view.Entries)
                {
                    bool vault = e.Value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
                    set.AddKey(new ProvidedKey(e.Key, vault ? ProvidedBy.SecretStore : ProvidedBy.Value, e.File.Path, e.Entry.KeySpan,
                        vault ? "Key Vault reference in " + RepoPath.FileName(e.File.Path) : RepoPath.FileName(e.File.Path)));
                }
                break;
            case ConfigFormat.DotEnv:
                foreach (var e in view.Entries)
                    Variable(set, e.Key, new ProvidedKey(e.Key, ProvidedBy.Value, e.File.Path, e.Entry.KeySpan, "variable " + e.Key + " in " + RepoPath.FileName(e.File.Path)), code);
                break;
            case ConfigFormat.Kustomize:
                if ((view.Primary.Parsed as KustomizationParsedFile)?.Build is { } build) AddContainers(set, build, code);
                break;
        }
    }

    /// <summary>A process variable: itself, and the configuration key .NET's environment variables provider makes of it.</summary>
    private static void Variable(EnvironmentKeySet set, string name, ProvidedKey where, CodeFacts code)
    {
        set.AddVariable(name, where);
        set.AddKey(Rekey(where, name.Replace("__", ":")));
        foreach (var prefix in code.EnvironmentVariablePrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                set.AddKey(Rekey(where, name.Substring(prefix.Length).Replace("__", ":")));
        }
        foreach (var prefix in ConnectionStringPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                set.AddKey(Rekey(where, "ConnectionStrings:" + name.Substring(prefix.Length)));
        }
    }

    private static ProvidedKey Rekey(ProvidedKey k, string key) => new(key, k.By, k.Path, k.Span, k.How);

    /// <summary>What the overlay's containers get: env literals, valueFrom references, and envFrom'd ConfigMaps and Secrets.</summary>
    private static void AddContainers(EnvironmentKeySet set, KustomizeBuild build, CodeFacts code)
    {
        foreach (var r in build.Resources)
        {
            foreach (var c in r.Containers())
            {
                if (c.GetSequence("env") is { } env)
                {
                    foreach (var item in env.Items.OfType<YamlTreeMap>())
                    {
                        if (item.GetScalar("name") is not { } name) continue;
                        var from = item.GetMap("valueFrom");
                        var secret = from?.GetMap("secretKeyRef");
                        var how = secret is not null ? $"secretKeyRef {secret.GetString("name")}/{secret.GetString("key")}" : "env " + name.Value;
                        Variable(set, name.Value, new ProvidedKey(name.Value, secret is not null ? ProvidedBy.SecretStore : ProvidedBy.Value, name.Path, name.ValueSpan,
                            how + " in " + RepoPath.FileName(name.Path)), code);
                    }
                }
                if (c.GetSequence("envFrom") is not { } envFrom) continue;
                foreach (var item in envFrom.Items.OfType<YamlTreeMap>())
                {
                    var prefix = item.GetString("prefix") ?? "";
                    var (kind, reference) = item.GetMap("configMapRef") is { } cm ? ("ConfigMap", cm) : item.GetMap("secretRef") is { } sr ? ("Secret", sr) : (null, null);
                    if (kind is null || reference?.GetString("name") is not { } source) continue;
                    var holder = build.Resources.FirstOrDefault(x => x.Kind == kind && (x.HasName(source) || x.Name == source || x.OriginalName == source));
                    if (holder is null)
                    {
                        if (!string.Equals(reference.GetString("optional"), "true", StringComparison.OrdinalIgnoreCase))
                            set.OpenReason ??= $"envFrom {kind} {source} is made outside the build";
                        continue;
                    }
                    foreach (var d in holder.DataEntries())
                    {
                        var by = kind == "Secret" ? ProvidedBy.SecretStore : ProvidedBy.Value;
                        var path = d.SourcePath ?? reference.Path;
                        Variable(set, prefix + d.Key, new ProvidedKey(prefix + d.Key, by, path, d.KeySpan, $"envFrom {kind} {source} in {RepoPath.FileName(path)}"), code);
                    }
                }
            }
        }
    }
}
