using System;
using System.Collections.Generic;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// Renders a kustomization in process, without I/O: the caller hands over the repository's files (path to text, or a
/// read function) and the model resolves every reference inside that set. What it follows: resources/bases (files and
/// folders), components, configMapGenerator/secretGenerator (literals, envs/env, files, behavior, options), patches,
/// patchesStrategicMerge, patchesJson6902, namespace, namePrefix/nameSuffix (with name references), images, and the
/// content-hash suffix of generated names.
/// </summary>
public static class KustomizeModel
{
    public static KustomizeBuild Build(IReadOnlyDictionary<string, string> filesByPath, string kustomizationPath) =>
        Build(p => filesByPath.TryGetValue(p, out var t) ? t : null, kustomizationPath);

    /// <param name="readFile">Text of a repository-relative path, or null when there is no such file.</param>
    /// <param name="cache">Parsed YAML shared between builds of one scan (optional).</param>
    /// <param name="whyUnreadable">Why a path that exists could not be read (null: it does not exist); such a path is "cannot be read", never "not found".</param>
    /// <param name="regexBudget">The run's time budget for patch target patterns (<see cref="Text.RegexBudget"/>).</param>
    public static KustomizeBuild Build(Func<string, string?> readFile, string kustomizationPath, YamlTreeCache? cache = null, Func<string, string?>? whyUnreadable = null,
        Text.RegexBudget? regexBudget = null) =>
        new KustomizeBuilder(readFile, kustomizationPath, cache, whyUnreadable, regexBudget).Run();
}
