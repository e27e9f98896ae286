using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// Groups files that layer on each other (same folder and family: `.env*` or `appsettings*.json`) and builds one
/// <see cref="EnvironmentView"/> per environment. `*.env` files (staging.env) and templates stand alone.
/// appsettings groups always get a production view: ASP.NET Core's default environment is Production,
/// so appsettings.json alone is what production runs with when there is no appsettings.Production.json.
/// </summary>
public static class ViewBuilder
{
    public static List<EnvironmentView> Build(IReadOnlyList<ConfigFile> files)
    {
        var views = new List<EnvironmentView>();
        var groups = files
            .Where(f => f.Format is ConfigFormat.DotEnv or ConfigFormat.AppSettingsJson)
            .GroupBy(GroupKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            if (group.Key.EndsWith("|suffix", StringComparison.Ordinal)) AddStandalone(members, views);
            else AddLayered(members, views);
        }
        return views;
    }

    private static string GroupKey(ConfigFile f)
    {
        var dir = RepoPath.Directory(f.Path);
        if (f.Format == ConfigFormat.AppSettingsJson) return dir + "|appsettings";
        var name = RepoPath.FileName(f.Path);
        return dir + (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) ? "|dotenv" : "|suffix");
    }

    private static void AddStandalone(List<ConfigFile> members, List<EnvironmentView> views)
    {
        foreach (var f in members)
        {
            if (HasEnvironment(f)) views.Add(View(f, new[] { f }, isImplicit: false));
        }
    }

    private static void AddLayered(List<ConfigFile> members, List<EnvironmentView> views)
    {
        var baseFile = members.FirstOrDefault(f => f.Environment.Class == EnvironmentClass.Base && !f.Environment.IsLocalOverride);
        var envFiles = members.Where(f => f != baseFile && HasEnvironment(f)).ToList();
        foreach (var f in envFiles.Where(f => !f.Environment.IsLocalOverride || f.Environment.Name == "local"))
        {
            var layers = new List<ConfigFile>();
            if (baseFile is not null && f.Environment.Class != EnvironmentClass.Template) layers.Add(baseFile);
            layers.Add(f);
            views.Add(View(f, layers, isImplicit: false));
        }
        // .env.staging.local layers on .env and .env.staging.
        foreach (var local in envFiles.Where(f => f.Environment.IsLocalOverride && f.Environment.Name != "local"))
        {
            var layers = new List<ConfigFile>();
            if (baseFile is not null) layers.Add(baseFile);
            var sameEnv = envFiles.FirstOrDefault(f => !f.Environment.IsLocalOverride && f.Environment.Class == local.Environment.Class);
            if (sameEnv is not null) layers.Add(sameEnv);
            layers.Add(local);
            views.Add(View(local, layers, isImplicit: false));
        }
        if (baseFile is not null && baseFile.Format == ConfigFormat.AppSettingsJson
            && !envFiles.Any(f => f.Environment.Class == EnvironmentClass.Production))
        {
            views.Add(new EnvironmentView(EnvironmentClass.Production, "production", baseFile, new[] { baseFile },
                Merge(new[] { baseFile }), isImplicit: true));
        }
    }

    private static bool HasEnvironment(ConfigFile f) =>
        f.Environment.Class is not (EnvironmentClass.Unknown or EnvironmentClass.Base);

    private static EnvironmentView View(ConfigFile primary, IReadOnlyList<ConfigFile> layers, bool isImplicit) =>
        new(primary.Environment.Class, primary.Environment.Name, primary, layers, Merge(layers), isImplicit);

    /// <summary>Key-by-key layering: a later layer's key replaces an earlier one's (case-insensitive for appsettings, as Microsoft.Extensions.Configuration does).</summary>
    private static List<EffectiveEntry> Merge(IReadOnlyList<ConfigFile> layers)
    {
        var comparer = layers[0].Format == ConfigFormat.AppSettingsJson ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var byKey = new Dictionary<string, EffectiveEntry>(comparer);
        var order = new List<string>();
        for (int i = 0; i < layers.Count; i++)
        {
            bool inherited = i < layers.Count - 1;
            foreach (var e in layers[i].Parsed.Entries)
            {
                if (!byKey.ContainsKey(e.Key)) order.Add(e.Key);
                byKey[e.Key] = new EffectiveEntry(e, layers[i], inherited);
            }
        }
        var result = new List<EffectiveEntry>(order.Count);
        foreach (var k in order) result.Add(byKey[k]);
        return result;
    }
}
