using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// Pairs every staging-class view with every production view of its group. Works over any
/// <see cref="EnvironmentView"/>: two views belong to one group when they layer on the same base file
/// (<c>.env</c>, <c>appsettings.json</c>, a kustomize <c>base/</c>), or, without a base, when their files sit in
/// the same folder and family (<c>.env.staging</c> + <c>.env.production</c>; <c>staging.env</c> + <c>production.env</c>).
/// Local overrides (<c>.env.staging.local</c>) run on a developer's machine and are not paired.
/// </summary>
public static class PairBuilder
{
    public static List<EnvironmentPair> Build(IReadOnlyList<EnvironmentView> views)
    {
        var pairs = new List<EnvironmentPair>();
        var groups = views
            .Where(v => !v.Primary.Environment.IsLocalOverride && v.Class is EnvironmentClass.Staging or EnvironmentClass.Production)
            .GroupBy(GroupOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var staging = group.Where(v => v.Class == EnvironmentClass.Staging).OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList();
            var production = group.Where(v => v.Class == EnvironmentClass.Production).OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList();
            foreach (var s in staging)
            {
                foreach (var p in production) pairs.Add(new EnvironmentPair(s, p, group.Key));
            }
        }
        return pairs;
    }

    /// <summary>Sets <see cref="EnvironmentView.Siblings"/>: the other staging/production views of each view's group.</summary>
    public static void LinkSiblings(IReadOnlyList<EnvironmentView> views)
    {
        var deployed = views.Where(v => !v.Primary.Environment.IsLocalOverride && !v.IsImplicit && v.Class.IsDeployable())
            .GroupBy(GroupOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var view in views)
        {
            if (deployed.TryGetValue(GroupOf(view), out var group)) view.Siblings = group.Where(v => !ReferenceEquals(v, view)).ToList();
        }
    }

    public static string GroupOf(EnvironmentView view)
    {
        var baseFile = view.Layers.FirstOrDefault(l => l.Environment.Class == EnvironmentClass.Base && !l.Environment.IsLocalOverride);
        if (baseFile is not null) return "base:" + baseFile.Path;
        var primary = view.Primary;
        var dir = ConfigFileKind.Directory(primary.Path);
        var family = primary.Format switch
        {
            ConfigFormat.AppSettingsJson => "appsettings",
            ConfigFormat.DotEnv => ConfigFileKind.FileName(primary.Path).StartsWith(".env", StringComparison.OrdinalIgnoreCase) ? "dotenv" : "suffix",
            var other => other.ToString(),
        };
        return dir + "|" + family;
    }
}
