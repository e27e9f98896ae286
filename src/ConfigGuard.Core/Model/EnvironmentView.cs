using System;
using System.Collections.Generic;
using ConfigGuard.Core.Environments;

namespace ConfigGuard.Core.Model;

/// <summary>
/// The effective configuration one environment gets from one folder: a base file layered under an
/// environment file (and a local override), key by key, exactly as ASP.NET Core or dotenv-flow would load it.
/// </summary>
public sealed class EnvironmentView
{
    public EnvironmentView(EnvironmentClass @class, string name, ConfigFile primary, IReadOnlyList<ConfigFile> layers, IReadOnlyList<EffectiveEntry> entries, bool isImplicit)
    {
        Class = @class;
        Name = name;
        Primary = primary;
        Layers = layers;
        Entries = entries;
        IsImplicit = isImplicit;
    }

    public EnvironmentClass Class { get; }
    public string Name { get; }
    /// <summary>The most specific file of the view (.env.staging); for an implicit view, the base file.</summary>
    public ConfigFile Primary { get; }
    /// <summary>Files from base to most specific.</summary>
    public IReadOnlyList<ConfigFile> Layers { get; }
    public IReadOnlyList<EffectiveEntry> Entries { get; }
    /// <summary>True for production seen through appsettings.json alone (ASP.NET Core's default environment).</summary>
    public bool IsImplicit { get; }
    /// <summary>
    /// The other deployed (staging/production) views of the same group: the same base file, or the same folder and
    /// family (see <see cref="Engine.PairBuilder.GroupOf"/>). Set by the engine before the view rules run.
    /// </summary>
    public IReadOnlyList<EnvironmentView> Siblings { get; internal set; } = System.Array.Empty<EnvironmentView>();

    /// <summary>How a message names where an inherited value goes: "staging (via .env.staging)".</summary>
    public string Describe(EffectiveEntry e) =>
        e.Inherited && !IsImplicit && e.File.Environment.Class != Class
            ? $"{Name} (through {RepoPath.FileName(Primary.Path)})"
            : Name;

    /// <summary>
    /// Where a value goes, for rules about what production runs: for a value from a base file that this view does not
    /// override, "appsettings.json, which reaches production and staging (not overridden)" (every deployed view of the
    /// group that inherits the same entry, production first); otherwise <see cref="Describe"/>.
    /// </summary>
    public string Reach(EffectiveEntry e)
    {
        if (!e.Inherited || IsImplicit || e.File.Environment.Class != EnvironmentClass.Base) return Describe(e);
        var names = new List<(int Order, string Name)> { (Order(Class), Name) };
        foreach (var s in Siblings)
        {
            if (s.IsImplicit || ReferenceEquals(s, this) || names.Exists(n => string.Equals(n.Name, s.Name, StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var x in s.Entries)
            {
                if (!ReferenceEquals(x.Entry, e.Entry)) continue;
                names.Add((Order(s.Class), s.Name));
                break;
            }
        }
        names.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Name, b.Name));
        var list = new List<string>();
        foreach (var n in names) list.Add(n.Name);
        var joined = list.Count == 1 ? list[0] : string.Join(", ", list.GetRange(0, list.Count - 1)) + " and " + list[list.Count - 1];
        return $"{RepoPath.FileName(e.File.Path)}, which reaches {joined} (not overridden)";
    }

    private static int Order(EnvironmentClass c) => c == EnvironmentClass.Production ? 0 : c == EnvironmentClass.Staging ? 1 : 2;
}
