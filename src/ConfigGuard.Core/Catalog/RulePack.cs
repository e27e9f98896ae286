using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using YamlDotNet.RepresentationModel;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Everything ConfigGuard knows, loaded from the YAML files in rules/ (embedded in this assembly):
/// rule metadata, the credential catalog, provider endpoints, environment names and key classes.
/// The analyzers and the CLI share this one instance, so the knowledge lives in one place.
/// </summary>
public sealed class RulePack
{
    // The built-in pack is compiled from rules/*.yaml into C# (CompiledRulePack.g.cs, kept in step by a test), so the
    // CLI and the analyzers start without parsing YAML. Load() reads the same YAML at run time.
    // Each part is built on first use, and Default is made of the same instances: the analyzers run inside every
    // compilation and each needs a part or two (CG1001 the environment names, CG1005 the credential catalog), so a
    // build does not pay for the key catalog's and mode switches' construction (and its JIT) when no rule reads them.
    private static readonly Lazy<CredentialCatalog> LazyCredentials = new(CompiledRulePack.Credentials);
    private static readonly Lazy<EndpointCatalog> LazyEndpoints = new(CompiledRulePack.Endpoints);
    private static readonly Lazy<EnvironmentNames> LazyEnvironments = new(CompiledRulePack.Environments);
    private static readonly Lazy<KeyCatalog> LazyKeys = new(CompiledRulePack.Keys);
    private static readonly Lazy<RulePack> LazyDefault = new(() =>
        new RulePack(CompiledRulePack.Rules(), LazyCredentials.Value, LazyEndpoints.Value, LazyEnvironments.Value, LazyKeys.Value));

    internal RulePack(
        IReadOnlyList<RuleDescriptor> rules,
        CredentialCatalog credentials,
        EndpointCatalog endpoints,
        EnvironmentNames environments,
        KeyCatalog keys)
    {
        Rules = rules;
        Credentials = credentials;
        Endpoints = endpoints;
        Environments = environments;
        Keys = keys;
        RulesById = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public static RulePack Default => LazyDefault.Value;

    /// <summary><see cref="Default"/>'s credential catalog, built without the rest of the pack.</summary>
    public static CredentialCatalog DefaultCredentials => LazyCredentials.Value;

    /// <summary><see cref="Default"/>'s endpoint catalog, built without the rest of the pack.</summary>
    public static EndpointCatalog DefaultEndpoints => LazyEndpoints.Value;

    /// <summary><see cref="Default"/>'s environment names, built without the rest of the pack.</summary>
    public static EnvironmentNames DefaultEnvironments => LazyEnvironments.Value;

    /// <summary><see cref="Default"/>'s key catalog, built without the rest of the pack.</summary>
    public static KeyCatalog DefaultKeys => LazyKeys.Value;

    public IReadOnlyList<RuleDescriptor> Rules { get; }
    public IReadOnlyDictionary<string, RuleDescriptor> RulesById { get; }
    public CredentialCatalog Credentials { get; }
    public EndpointCatalog Endpoints { get; }
    public EnvironmentNames Environments { get; }
    public KeyCatalog Keys { get; }

    public RuleDescriptor Rule(string id) => RulesById[id];

    /// <summary>
    /// Loads a pack from its YAML through <paramref name="read"/>, which returns a pack file's text by name
    /// (credentials.yaml, checks/CG0001.yaml); <paramref name="checkNames"/> lists the checks/*.yaml files.
    /// </summary>
    public static RulePack Load(Func<string, string?> read, IEnumerable<string> checkNames)
    {
        var rules = new List<RuleDescriptor>();
        foreach (var name in checkNames.OrderBy(n => n, StringComparer.Ordinal))
        {
            var map = Root(read(name), name);
            if (map is null) continue;
            SeverityNames.TryParse(map.GetString("defaultSeverity"), out var sev);
            rules.Add(new RuleDescriptor(
                map.GetString("id") ?? throw new InvalidDataException(name + ": missing id"),
                map.GetString("title") ?? "",
                sev,
                map.GetString("category") ?? "config",
                map.GetString("description") ?? "",
                map.GetString("remediation") ?? "",
                map.GetString("helpUri") ?? ""));
        }
        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var endpoints = Root(read("endpoints.yaml"), "endpoints.yaml");
        return new RulePack(
            rules,
            LoadCredentials(Root(read("credentials.yaml"), "credentials.yaml")),
            LoadEndpoints(endpoints),
            LoadEnvironments(Root(read("environments.yaml"), "environments.yaml")),
            LoadKeys(Root(read("keys.yaml"), "keys.yaml"), LoadMultiTenant(endpoints)));
    }

    private static YamlMappingNode? Root(string? text, string name)
    {
        if (text is null) return null;
        try { return YamlNodes.LoadRoot(text); }
        catch (YamlDotNet.Core.YamlException e) { throw new InvalidDataException($"{name}({e.Start.Line},{e.Start.Column}): {e.Message}", e); }
    }

    private static CredentialCatalog LoadCredentials(YamlMappingNode? root)
    {
        var list = new List<CredentialPattern>();
        if (root is not null)
        {
            foreach (var m in root.GetMappings("credentials")) list.Add(ReadCredential(m));
        }
        return new CredentialCatalog(list);
    }

    /// <summary>One credential format from YAML (the pack's credentials.yaml or a repository's configguard.yaml).</summary>
    /// <exception cref="YamlFormatException">A field is missing, the mode is unknown, or the pattern is not a valid regex.</exception>
    /// <param name="userDefined">From configguard.yaml (see <see cref="CredentialPattern.UserDefined"/>).</param>
    public static CredentialPattern ReadCredential(YamlMappingNode m, bool userDefined = false)
    {
        var modeText = m.GetString("mode") ?? "generic";
        var mode = modeText.ToLowerInvariant() switch
        {
            "live" => CredentialMode.Live,
            "test" => CredentialMode.Test,
            "generic" => CredentialMode.Generic,
            _ => throw new YamlFormatException(m, $"unknown mode '{modeText}' (live, test or generic)"),
        };
        var pattern = new CredentialPattern(
            m.GetString("id") ?? throw new YamlFormatException(m, "credential without id"),
            m.GetString("provider") ?? "",
            mode,
            m.GetString("keyword") ?? throw new YamlFormatException(m, "credential without keyword (the literal text every match contains)"),
            m.GetString("pattern") ?? throw new YamlFormatException(m, "credential without pattern"),
            m.GetBool("public"),
            m.GetString("prefix"),
            userDefined);
        try { pattern.Validate(); }
        catch (ArgumentException e) { throw new YamlFormatException(m.Get("pattern") ?? m, "invalid regex: " + e.Message); }
        return pattern;
    }

    private static EndpointCatalog LoadEndpoints(YamlMappingNode? root)
    {
        var catalog = new EndpointCatalog();
        if (root is null) return catalog;
        foreach (var m in root.GetMappings("endpoints"))
        {
            var provider = m.GetString("provider") ?? "";
            foreach (var h in m.GetStrings("live")) catalog.Add(provider, CredentialMode.Live, h);
            foreach (var h in m.GetStrings("test")) catalog.Add(provider, CredentialMode.Test, h);
        }
        foreach (var m in root.GetMappings("modeSwitches")) catalog.AddModeSwitch(ReadModeSwitch(m));
        catalog.LocalEndpoints = ReadLocalEndpoints(root.Get("localEndpoints") as YamlMappingNode);
        return catalog;
    }

    /// <summary>One modeSwitches entry; the key pattern must be a valid regex.</summary>
    public static ModeSwitch ReadModeSwitch(YamlMappingNode m)
    {
        var s = new ModeSwitch(m.GetString("provider") ?? "a provider", m.GetString("key") ?? throw new YamlFormatException(m, "mode switch without a key"),
            m.GetStrings("test"), m.GetStrings("live"));
        try { s.Validate(); _ = s.ModeOf("x"); }
        catch (ArgumentException e) { throw new YamlFormatException(m, "invalid regex: " + e.Message); }
        return s;
    }

    /// <summary>The localEndpoints map (empty lists when absent).</summary>
    public static LocalEndpointCatalog ReadLocalEndpoints(YamlMappingNode? m)
    {
        if (m is null) return LocalEndpointCatalog.Empty;
        return new LocalEndpointCatalog(m.GetStrings("developmentHosts"), m.GetStrings("developmentInstances"), m.GetStrings("loopbackHosts"),
            m.GetStrings("remoteUseKeys"), m.GetStrings("localByDesignKeys"));
    }

    private static EnvironmentNames LoadEnvironments(YamlMappingNode? root)
    {
        var names = new Dictionary<string, EnvironmentClass>(StringComparer.OrdinalIgnoreCase);
        if (root?.Get("environments") is YamlMappingNode envs)
        {
            foreach (var pair in envs.Children)
            {
                var cls = ((YamlScalarNode)pair.Key).Value switch
                {
                    "production" => EnvironmentClass.Production,
                    "staging" => EnvironmentClass.Staging,
                    "development" => EnvironmentClass.Development,
                    "test" => EnvironmentClass.Test,
                    "template" => EnvironmentClass.Template,
                    var other => throw new YamlFormatException(pair.Key, $"unknown environment class '{other}'"),
                };
                foreach (var n in YamlNodes.ToStrings(pair.Value, "environments")) names[n] = cls;
            }
        }
        return new EnvironmentNames(
            names,
            root?.GetStrings("productionTokens") ?? Array.Empty<string>(),
            root?.GetStrings("nonProductionTokens") ?? Array.Empty<string>(),
            root?.GetStrings("declarationKeys") ?? Array.Empty<string>(),
            root?.GetStrings("buildModeKeys") ?? Array.Empty<string>(),
            root?.GetStrings("wholeNameOnly"),
            root?.GetStrings("joinableNames"),
            root?.GetStrings("notEnvironmentWords"),
            root?.GetStrings("notProductionQualifiers"),
            root?.GetStrings("declarationHintKeys"),
            root?.GetStrings("modeFileKeyPrefixes"),
            root?.GetStrings("environmentLabelKeys"),
            root?.GetStrings("environmentFolders"),
            root?.GetStrings("qualifierWords"),
            root?.GetStrings("mutableImageTags"),
            root?.GetStrings("testActivityWords"));
    }

    /// <summary>The <c>multiTenant</c> hosts of endpoints.yaml.</summary>
    public static List<MultiTenantHost> LoadMultiTenant(YamlMappingNode? root)
    {
        var hosts = new List<MultiTenantHost>();
        if (root is null) return hosts;
        foreach (var m in root.GetMappings("multiTenant"))
        {
            TenantPart tenant;
            try { tenant = MultiTenantHost.ParseTenant(m.GetString("tenant")); }
            catch (ArgumentException e) { throw new YamlFormatException(m.Get("tenant") ?? m, e.Message); }
            foreach (var h in m.GetStrings("hosts")) hosts.Add(new MultiTenantHost(m.GetString("provider") ?? "", h, tenant));
        }
        return hosts;
    }

    private static KeyCatalog LoadKeys(YamlMappingNode? root, IReadOnlyList<MultiTenantHost> multiTenant)
    {
        IReadOnlyList<string> L(string k) => root?.GetStrings(k) ?? Array.Empty<string>();
        var switches = new List<DebugSwitch>();
        if (root is not null)
        {
            foreach (var m in root.GetMappings("debugSwitches"))
            {
                switches.Add(new DebugSwitch(m.GetString("key") ?? "(?!)", m.GetStrings("on")));
            }
        }
        return new KeyCatalog(L("secretKeys"), L("signingSecretKeys"), L("hostKeys"), L("databaseKeys"), L("bucketKeys"), switches, L("placeholders"), LoadResources(root, multiTenant),
            L("secretPlaceholders"), L("substitutionSlots"),
            committedSecrets: new CommittedSecretCatalog(L("committedSecretKeys"), L("committedSecretExempt"), L("secretStoreValues"), L("throwawaySecrets"),
                L("publicClientKeys"), L("clientKeyFormats"), L("sandboxAccountHosts")),
            monitoringWords: L("monitoringWords"), secretWords: L("secretWords"), featureFlagWords: L("featureFlagWords"));
    }

    private static ResourceKeyCatalog LoadResources(YamlMappingNode? root, IReadOnlyList<MultiTenantHost> multiTenant)
    {
        if (root is null) return ResourceKeyCatalog.Empty;
        var classes = new List<(string, IReadOnlyList<string>)>();
        foreach (var m in root.GetMappings("resourceKeys"))
        {
            classes.Add((m.GetString("class") ?? throw new YamlFormatException(m, "resource class without a name"), m.GetStrings("keys")));
        }
        return new ResourceKeyCatalog(classes, root.GetStrings("resourceExempt"), multiTenant);
    }
}
