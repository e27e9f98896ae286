using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// The part of Kubernetes strategic merge patch that matters for configuration: maps merge key by key, a null deletes,
/// `$patch: replace|delete` directives, and the lists Kubernetes merges by key (containers and env by name, volumeMounts
/// by mountPath, ports by containerPort ...). Any other list is replaced, as Kubernetes does for lists without a merge key.
/// </summary>
public static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
    };

    /// <summary>Patches <paramref name="target"/> in place; returns the node to keep (null: delete).</summary>
    public static YamlTreeNode? Apply(YamlTreeNode target, YamlTreeNode patch, string field = "")
    {
        if (patch is YamlTreeMap pm && target is YamlTreeMap tm)
        {
            var directive = pm.GetString("$patch");
            if (directive == "delete") return null;
            if (directive == "replace") return Strip(pm);
            foreach (var e in pm.Entries)
            {
                if (e.Key.StartsWith("$", StringComparison.Ordinal)) continue;
                if (e.Value is YamlTreeScalar { IsNull: true })
                {
                    tm.Remove(e.Key);
                    continue;
                }
                var existing = tm.Get(e.Key);
                var merged = existing is null ? Strip(e.Value) : Apply(existing, e.Value, e.Key);
                if (merged is null) tm.Remove(e.Key);
                else tm.Set(e.Key, merged, e.KeySpan);
            }
            return tm;
        }
        if (patch is YamlTreeSequence ps && target is YamlTreeSequence ts && MergeKeys.TryGetValue(field, out var key)
            && ts.Items.All(i => i is YamlTreeMap) && ps.Items.All(i => i is YamlTreeMap))
        {
            // A Service's ports merge by port (ServiceSpec.ports), a container's by containerPort.
            if (field == "ports" && ps.Items.All(i => ((YamlTreeMap)i).Get("containerPort") is null)) key = "port";
            foreach (YamlTreeMap item in ps.Items)
            {
                var k = item.GetString(key);
                int idx = k is null ? -1 : ts.Items.FindIndex(t => ((YamlTreeMap)t).GetString(key) == k);
                if (item.GetString("$patch") == "delete")
                {
                    if (idx >= 0) ts.Items.RemoveAt(idx);
                    continue;
                }
                if (idx < 0) ts.Items.Add(Strip(item)!);
                else
                {
                    var merged = Apply(ts.Items[idx], item, "");
                    if (merged is null) ts.Items.RemoveAt(idx); else ts.Items[idx] = merged;
                }
            }
            return ts;
        }
        return Strip(patch);
    }

    /// <summary>A copy of a patch fragment without `$patch`-style directives.</summary>
    private static YamlTreeNode? Strip(YamlTreeNode node)
    {
        switch (node)
        {
            case YamlTreeMap m:
            {
                var copy = new YamlTreeMap(m.Path, m.Span);
                foreach (var e in m.Entries)
                {
                    if (e.Key.StartsWith("$", StringComparison.Ordinal)) continue;
                    var v = Strip(e.Value);
                    if (v is not null) copy.Entries.Add(new YamlTreeMapEntry(e.Key, e.KeySpan, v));
                }
                return copy;
            }
            case YamlTreeSequence s:
            {
                var copy = new YamlTreeSequence(s.Path, s.Span);
                foreach (var i in s.Items)
                {
                    var v = Strip(i);
                    if (v is not null) copy.Items.Add(v);
                }
                return copy;
            }
            default:
                return node;
        }
    }
}
