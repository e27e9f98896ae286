using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
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
    /// <summary>
    /// Pairs one group may hold. Every staging view meets every production view of its group, so a folder of
    /// 5,000 staging and 5,000 production files would be 25 million pairs (10,000 .env files took 467 s and 19.7 GB,
    /// bench/scaling.sh many-env-files); past the cap the rest is skipped with a note, and qualifiers are not scored.
    /// </summary>
    public const int MaxPairsPerGroup = 2_000;

    /// <summary>Above this many staging x production views in one group, qualifiers are not scored (pairs are taken in order).</summary>
    public const long MaxScoredCombinations = 250_000;

    /// <summary>Siblings one view keeps (each view's list is its own copy: all of them would be quadratic).</summary>
    public const int MaxSiblings = 64;

    public static List<EnvironmentPair> Build(IReadOnlyList<EnvironmentView> views) => Build(views, null);

    /// <param name="names">
    /// When given, a staging view pairs with the production views whose names share its qualifiers: <c>staging-eu</c>
    /// with <c>prod-eu</c>, not <c>prod-asia</c>; <c>DeployedQA</c> with <c>DeployedProd</c>, not the legacy
    /// <c>Production</c>; <c>staging</c> with <c>production</c>. When no production shares any, it pairs with all.
    /// </param>
    /// <param name="notices">Receives a note for each group whose pairs were cut at <see cref="MaxPairsPerGroup"/>.</param>
    public static List<EnvironmentPair> Build(IReadOnlyList<EnvironmentView> views, EnvironmentNames? names, List<Notice>? notices = null)
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
            int added = 0;
            bool score = (long)staging.Count * production.Count <= MaxScoredCombinations;
            var qualifiers = score && names is not null && production.Count >= 2
                ? production.Select(p => new HashSet<string>(names.Qualifiers(p.Name), StringComparer.OrdinalIgnoreCase)).ToList()
                : null;
            foreach (var s in staging)
            {
                foreach (var p in qualifiers is null ? production : Counterparts(s, production, qualifiers, names!))
                {
                    if (added++ == MaxPairsPerGroup) break;
                    pairs.Add(new EnvironmentPair(s, p, group.Key));
                }
                if (added > MaxPairsPerGroup) break;
            }
            if (added > MaxPairsPerGroup)
            {
                notices?.Add(new Notice(RepoPath.Directory(staging[0].Primary.Path) is { Length: > 0 } d ? d : ".",
                    $"{staging.Count:N0} staging and {production.Count:N0} production configurations layer together here: only the first {MaxPairsPerGroup:N0} of {(long)staging.Count * production.Count:N0} staging/production pairs are compared"));
            }
        }
        return pairs;
    }

    /// <summary>
    /// Development and test views (not local overrides) with the explicit production views of their group: compared
    /// only for production's own data stores (SharedResourceRule.AnalyzeDataStores), never returned
    /// as staging/production pairs. At most <see cref="MaxPairsPerGroup"/> per group.
    /// </summary>
    public static List<EnvironmentPair> BesideProduction(IReadOnlyList<EnvironmentView> views)
    {
        var pairs = new List<EnvironmentPair>();
        var groups = views
            .Where(v => !v.Primary.Environment.IsLocalOverride && !v.IsImplicit
                && v.Class is EnvironmentClass.Development or EnvironmentClass.Test or EnvironmentClass.Production)
            .GroupBy(GroupOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var production = group.Where(v => v.Class == EnvironmentClass.Production).OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList();
            if (production.Count == 0) continue;
            int added = 0;
            foreach (var other in group.Where(v => v.Class != EnvironmentClass.Production).OrderBy(v => v.Primary.Path, StringComparer.Ordinal))
            {
                foreach (var p in production)
                {
                    if (added++ >= MaxPairsPerGroup) break;
                    pairs.Add(new EnvironmentPair(other, p, group.Key));
                }
            }
        }
        return pairs;
    }

    /// <summary>The production views <paramref name="staging"/> is compared with: those that share the most of its qualifiers.</summary>
    /// <param name="qualifiers">Each production view's qualifiers, computed once per group.</param>
    private static IEnumerable<EnvironmentView> Counterparts(EnvironmentView staging, List<EnvironmentView> production, List<HashSet<string>> qualifiers, EnvironmentNames names)
    {
        var mine = new HashSet<string>(names.Qualifiers(staging.Name), StringComparer.OrdinalIgnoreCase);
        int Score(int i)
        {
            var theirs = qualifiers[i];
            int shared = theirs.Count(mine.Contains);
            return (theirs.SetEquals(mine) ? 1000 : 0) + shared;
        }
        var scored = production.Select((p, i) => (View: p, Score: Score(i))).ToList();
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
            if (deployed.TryGetValue(GroupOf(view), out var group)) view.Siblings = group.Where(v => !ReferenceEquals(v, view)).Take(MaxSiblings).ToList();
        }
    }

    public static string GroupOf(EnvironmentView view)
    {
        var primary = view.Primary;
        // A kustomize overlay reads its bases in the order its resources list them, and two overlays of one app often list
        // the same bases in another order (staging adds a service, production moves one down): the group is the first of
        // its bases by path, the same whichever order they are listed in.
        var baseFile = primary.Format == ConfigFormat.Kustomize
            ? view.Layers.Where(l => l.Environment.Class == EnvironmentClass.Base && !l.Environment.IsLocalOverride)
                .OrderBy(l => l.Path, StringComparer.Ordinal).FirstOrDefault()
            : view.Layers.FirstOrDefault(l => l.Environment.Class == EnvironmentClass.Base && !l.Environment.IsLocalOverride);
        if (baseFile is not null) return "base:" + baseFile.Path;
        var dir = RepoPath.Directory(primary.Path);
        var family = primary.Format switch
        {
            ConfigFormat.AppSettingsJson => "appsettings",
            ConfigFormat.DotEnv => RepoPath.FileName(primary.Path).StartsWith(".env", StringComparison.OrdinalIgnoreCase) ? "dotenv" : "suffix",
            var other => other.ToString(),
        };
        return dir + "|" + family;
    }
}
