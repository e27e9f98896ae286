using ConfigGuard.Core.Environments;
using System.Collections.Generic;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>The in-process rendering of one kustomization root: the objects it emits and where everything came from.</summary>
public sealed class KustomizeBuild
{
    public KustomizeBuild(string kustomizationPath)
    {
        KustomizationPath = kustomizationPath;
        Directory = RepoPath.Directory(kustomizationPath);
    }

    public string KustomizationPath { get; }
    public string Directory { get; }
    public List<KustomizeResource> Resources { get; } = new();
    /// <summary>YAML that cannot be read (CG0012), what kustomize would refuse to build (CG0014), and notes (references not followed, limits).</summary>
    public List<KustomizeProblem> Problems { get; } = new();
    /// <summary>Every file the build read, kustomization files included, in first-read order.</summary>
    public List<string> FilesRead { get; } = new();
    /// <summary>Characters of input the build read (each file once): what rendering it costs, for the caps of <see cref="KustomizeBuilder.MaxInputCharacters"/> and <see cref="KustomizeProject.MaxInputCharacters"/>.</summary>
    public long CharactersRead { get; set; }
    /// <summary>Values a file wrote that reach the output, by file (for per-file rules such as CG0013).</summary>
    public List<ConfigEntry> WrittenEntries { get; } = new();
    /// <summary>namePrefix / nameSuffix values of every kustomization in the build (the root's and its bases').</summary>
    public List<YamlTreeScalar> NameAffixes { get; } = new();
    /// <summary>Label and annotation values the kustomizations set (commonLabels, labels, commonAnnotations), with their keys.</summary>
    public List<KeyValuePair<string, YamlTreeScalar>> Labels { get; } = new();

    /// <summary>Where the root kustomization lists its resources (the `resources:` key), or null.</summary>
    public YamlTreeScalar? ResourcesField { get; set; }

    /// <summary>The comments of each YAML file read (for inline suppressions).</summary>
    public Dictionary<string, List<SourceComment>> Comments { get; } = new();

    public KustomizeResource? Find(string kind, string name)
    {
        foreach (var r in Resources) if (r.Kind == kind && r.Name == name) return r;
        return null;
    }
}
