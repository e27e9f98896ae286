using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Resources;
using ConfigGuard.Core.Rules;

namespace ConfigGuard.Core.Comparison;

/// <summary>
/// `configguard diff staging production`: for every group (folder or base) that has both environments, the keys of
/// each side (effective values, after layering), which are missing on either side, which values are the same and
/// which resources are shared (the comparison CG0005 makes). Values are rendered through
/// <see cref="DiffValueDisplay"/>: a value is shown only when it is known to be harmless.
/// </summary>
public static class EnvironmentDiffBuilder
{
    /// <summary>The views an argument selects: views named exactly so (uat), else views of its class (staging -> stage, uat...).</summary>
    public static List<EnvironmentView> Select(IReadOnlyList<EnvironmentView> views, string environment, RulePack pack)
    {
        var candidates = views.Where(v => !v.Primary.Environment.IsLocalOverride).ToList();
        var byName = candidates.Where(v => string.Equals(v.Name, environment, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count > 0) return byName;
        var cls = pack.Environments.Classify(environment);
        return cls == EnvironmentClass.Unknown ? new List<EnvironmentView>() : candidates.Where(v => v.Class == cls).ToList();
    }

    public static List<EnvironmentDiff> Build(IReadOnlyList<EnvironmentView> views, string left, string right, RulePack pack, FindingSink display)
    {
        var lefts = Select(views, left, pack);
        var rights = Select(views, right, pack);
        var diffs = new List<EnvironmentDiff>();
        foreach (var l in lefts.OrderBy(v => v.Primary.Path, StringComparer.Ordinal))
        {
            var group = PairBuilder.GroupOf(l);
            // Prefer the explicit file over the implicit appsettings.json production view when both exist.
            var match = rights.Where(r => r != l && PairBuilder.GroupOf(r) == group).OrderBy(r => r.IsImplicit).ThenBy(r => r.Primary.Path, StringComparer.Ordinal).FirstOrDefault();
            if (match is not null) diffs.Add(Compare(l, match, pack, display));
        }
        return diffs;
    }

    /// <summary>Default-deny: see <see cref="DiffValueDisplay"/>.</summary>
    private static string Show(EffectiveEntry e, RulePack pack, FindingSink display) => DiffValueDisplay.Show(e, pack, display);

    /// <summary>A key as the diff prints it: a key that is not plainly a name (a secret pasted as a key) is described, not shown.</summary>
    private static string KeyOf(EffectiveEntry e) => SafeEcho.IsSafeName(e.Key, 200) ? e.Key : SafeEcho.Describe(e.Key);

    public static EnvironmentDiff Compare(EnvironmentView left, EnvironmentView right, RulePack pack, FindingSink display)
    {
        var rightByKey = new Dictionary<string, EffectiveEntry>(StringComparer.Ordinal);
        foreach (var e in right.Entries) rightByKey[e.NormalizedKey] = e;
        var leftLookup = SharedResourceRule.Lookup(left);
        var rightLookup = SharedResourceRule.Lookup(right);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<DiffRow>();
        foreach (var l in left.Entries)
        {
            if (!seen.Add(l.NormalizedKey)) continue;
            if (!rightByKey.TryGetValue(l.NormalizedKey, out var r))
            {
                rows.Add(new DiffRow(KeyOf(l), Show(l, pack, display), null, DiffStatus.OnlyLeft, false, null));
                continue;
            }
            bool inherited = ReferenceEquals(l.Entry, r.Entry);
            string? shared = null;
            if (display.Resources.IsResource(l.NormalizedKey)
                && ResourceIdentifier.Identify(l.NormalizedKey, l.Value, pack.Keys, leftLookup) is { } a
                && ResourceIdentifier.Identify(r.NormalizedKey, r.Value, pack.Keys, rightLookup) is { } b
                && a.Key == b.Key)
            {
                shared = a.Description;
            }
            var status = shared is not null ? DiffStatus.Shared
                : string.Equals(l.Value.Trim(), r.Value.Trim(), StringComparison.Ordinal) ? DiffStatus.Same
                : DiffStatus.Different;
            rows.Add(new DiffRow(KeyOf(l), Show(l, pack, display), Show(r, pack, display), status, inherited, shared));
        }
        foreach (var r in right.Entries)
        {
            if (seen.Add(r.NormalizedKey)) rows.Add(new DiffRow(KeyOf(r), null, Show(r, pack, display), DiffStatus.OnlyRight, false, null));
        }
        return new EnvironmentDiff(left, right, rows);
    }
}
