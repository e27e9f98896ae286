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
    public static List<EnvironmentPair> Build(IReadOnlyList<EnvironmentView> views) => Build(views, null);

    /// <param name="names">
    /// When given, a staging view pairs with the production views whose names share its qualifiers: <c>staging-eu</c>
    /// with <c>prod-eu</c>, not <c>prod-asia</c>; <c>DeployedQA</c> with <c>DeployedProd</c>, not the legacy
    /// <c>Production</c>; <c>staging</c> with <c>production</c>. When no production shares any, it pairs with all.
    /// </param>
    public static List<EnvironmentPair> Build(IReadOnlyList<EnvironmentView> views, EnvironmentNames? names)
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
                foreach (var p in Counterparts(s, production, names)) pairs.Add(new EnvironmentPair(s, p, group.Key));
            }
        }
        return pairs;
    }

    /// <summary>The production views <paramref name="staging"/> is compared with: those that share the most of its qualifiers.</summary>
    private static IEnumerable<EnvironmentView> Counterparts(EnvironmentView staging, List<EnvironmentView> production, EnvironmentNames? names)
    {
        if (names is null || production.Count < 2) return production;
        var mine = new HashSet<string>(names.Qualifiers(staging.Name), StringComparer.OrdinalIgnoreCase);
        int Score(EnvironmentView p)
        {
            var theirs = new HashSet<string>(names.Qualifiers(p.Name), StringComparer.OrdinalIgnoreCase);
            int shared = theirs.Count(mine.Contains);
            return (theirs.SetEquals(mine) ? 1000 : 0) + shared;
        }
        var scored = production.Select(p => (View: p, Score: Score(p))).ToList();
        int best = scored.Max(x => x.Score);
        return best == 0 ? production : scored.Where(x => x.Score == best).Select(x => x.View);
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
