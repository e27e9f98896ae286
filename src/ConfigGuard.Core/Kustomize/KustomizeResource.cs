using System;
using System.Collections.Generic;
using System.Text;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>One object kustomize would emit, as a position-keeping tree, plus the bookkeeping kustomize keeps (earlier names, generator options).</summary>
public sealed class KustomizeResource
{
    public KustomizeResource(YamlTreeMap tree, bool isGenerated = false, bool appendHash = false)
    {
        Tree = tree;
        IsGenerated = isGenerated;
        AppendHash = appendHash;
        OriginalName = Name;
        Names.Add(Name);
        _ids.Add((Name, Namespace ?? ""));
    }

    // Every (name, namespace) the object had: kustomize matches a generator or an untargeted patch against any of them.
    private readonly List<(string Name, string Namespace)> _ids = new();

    public YamlTreeMap Tree { get; private set; }
    public bool IsGenerated { get; }
    /// <summary>Gets a content-hash suffix at the end of the build (a generator without disableNameSuffixHash).</summary>
    public bool AppendHash { get; set; }
    public string OriginalName { get; }
    /// <summary>Every name the object had, first to last (patches may refer to any of them).</summary>
    public List<string> Names { get; } = new();

    public string Kind => Tree.GetString("kind") ?? "";
    public string ApiVersion => Tree.GetString("apiVersion") ?? "";
    public string Name => Tree.GetMap("metadata")?.GetString("name") ?? "";
    public string? Namespace => Tree.GetMap("metadata")?.GetString("namespace");
    public YamlTreeScalar? NamespaceNode => Tree.GetMap("metadata")?.GetScalar("namespace");

    public void Replace(YamlTreeMap tree) => Tree = tree;

    public void Rename(string name)
    {
        var meta = Tree.GetOrAddMap("metadata");
        var old = meta.GetScalar("name");
        meta.Set("name", new YamlTreeScalar(old?.Path ?? Tree.Path, old?.Span ?? Tree.Span, name, old?.Span ?? Tree.Span));
        if (!Names.Contains(name)) Names.Add(name);
        _ids.Add((name, Namespace ?? ""));
    }

    public void SetNamespace(YamlTreeScalar ns)
    {
        Tree.GetOrAddMap("metadata").Set("namespace", ns);
        _ids.Add((Name, ns.Value));
    }

    public bool HasName(string name) => Names.Contains(name);

    /// <summary>
    /// Whether (name, namespace) is one of the object's IDs, now or earlier (kustomize's "any ID"): the namespace is part
    /// of the ID, with "" and "default" the same namespace; <paramref name="clusterScoped"/> kinds have none.
    /// </summary>
    public bool HasId(string name, string? ns, bool clusterScoped)
    {
        foreach (var id in _ids)
        {
            if (id.Name == name && (clusterScoped || SameNamespace(id.Namespace, ns ?? ""))) return true;
        }
        return false;
    }

    private static bool SameNamespace(string a, string b) => (a == "default" ? "" : a) == (b == "default" ? "" : b);

    /// <summary>Where the pod spec is in an object of this kind, or null.</summary>
    public static string[]? PodSpecPath(string kind) => kind switch
    {
        "Pod" => new[] { "spec" },
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "ReplicationController" => new[] { "spec", "template", "spec" },
        "CronJob" => new[] { "spec", "jobTemplate", "spec", "template", "spec" },
        _ => null,
    };

    public YamlTreeMap? PodSpec()
    {
        var path = PodSpecPath(Kind);
        if (path is null) return null;
        YamlTreeMap? node = Tree;
        foreach (var p in path) node = node?.GetMap(p);
        return node;
    }

    /// <summary>Containers and init containers of a workload.</summary>
    public IEnumerable<YamlTreeMap> Containers()
    {
        var spec = PodSpec();
        if (spec is null) yield break;
        foreach (var field in new[] { "initContainers", "containers" })
        {
            if (spec.GetSequence(field) is not { } seq) continue;
            foreach (var item in seq.Items) if (item is YamlTreeMap c) yield return c;
        }
    }

    /// <summary>
    /// Data of a ConfigMap or Secret as the workload sees it: Secret `data` base64-decoded (for generated Secrets the value
    /// and location of the literal), `stringData` as is. Keys and values carry the file and span where they were written.
    /// </summary>
    public List<ConfigEntry> DataEntries()
    {
        var result = new List<ConfigEntry>();
        bool secret = Kind == "Secret";
        if (Kind != "ConfigMap" && !secret) return result;
        if (Tree.GetMap("data") is { } data)
        {
            foreach (var e in data.Entries)
            {
                if (e.Value is not YamlTreeScalar s) continue;
                string value = s.Value;
                if (secret) value = s.PlainValue ?? DecodeBase64(s.Value) ?? s.Value;
                result.Add(new ConfigEntry(e.Key, value, e.KeySpan, s.ValueSpan, s.Path));
            }
        }
        if (secret && Tree.GetMap("stringData") is { } sd)
        {
            foreach (var e in sd.Entries)
            {
                if (e.Value is YamlTreeScalar s) result.Add(new ConfigEntry(e.Key, s.Value, e.KeySpan, s.ValueSpan, s.Path));
            }
        }
        return result;
    }

    /// <summary>
    /// What rules analyze: <see cref="DataEntries"/>, except that a value a generator took from a whole file gives the
    /// values inside that file, each at its own line, comments left out (<see cref="YamlTreeScalar.Parts"/>).
    /// </summary>
    public List<ConfigEntry> AnalyzedEntries()
    {
        var parts = new Dictionary<string, IReadOnlyList<ConfigEntry>>(StringComparer.Ordinal);
        foreach (var e in Tree.GetMap("data")?.Entries ?? (IEnumerable<YamlTreeMapEntry>)Array.Empty<YamlTreeMapEntry>())
            if (e.Value is YamlTreeScalar { Parts: { } p }) parts[e.Key] = p;
        if (parts.Count == 0) return DataEntries();
        var result = new List<ConfigEntry>();
        foreach (var e in DataEntries())
        {
            if (parts.TryGetValue(e.Key, out var p)) result.AddRange(p);
            else result.Add(e);
        }
        return result;
    }

    /// <summary>`data` exactly as kustomize would print it (base64 for a Secret): what the content hash is computed over.</summary>
    public List<KeyValuePair<string, string>> RawData()
    {
        var result = new List<KeyValuePair<string, string>>();
        if (Tree.GetMap("data") is { } data)
        {
            foreach (var e in data.Entries) if (e.Value is YamlTreeScalar s) result.Add(new KeyValuePair<string, string>(e.Key, s.Value));
        }
        return result;
    }

    internal static string? DecodeBase64(string value)
    {
        try { return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(value.Trim())); }
        catch (FormatException) { return null; }
        catch (ArgumentException) { return null; }
    }

    public override string ToString() => Kind + "/" + Name;
}
