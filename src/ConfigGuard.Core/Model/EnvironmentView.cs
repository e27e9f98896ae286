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
}
