using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// "Where kubectl builds, ConfigGuard reports no build problem; where it fails, ConfigGuard reports one." Checked per
/// kustomization root of a tree: the in-process build of the root has an error exactly when `kubectl kustomize` fails
/// on it, and the engine (as the CLI runs it) reports CG0012/CG0014 in a file a root reads only when kubectl fails on
/// some root that reads the file. A `kind: Component` is not a root: kustomize builds it through the kustomization that
/// lists it, never alone.
/// </summary>
internal static class KubectlAgreement
{
    /// <summary>Every folder of <paramref name="files"/> holding a kustomization that is not a Component.</summary>
    public static List<string> Roots(IReadOnlyDictionary<string, string> files) =>
        files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key)) && !IsComponent(f.Value))
            .Select(f => Path.GetDirectoryName(f.Key)!.Replace('\\', '/'))
            .Distinct().OrderBy(d => d, StringComparer.Ordinal).ToList();

    private static bool IsComponent(string kustomization) =>
        kustomization.Split('\n').Any(l => l.TrimEnd('\r').Trim() is "kind: Component" or "kind: \"Component\"" or "kind: 'Component'");

    /// <param name="kubectl">`kubectl kustomize` on a root folder (repository-relative, "" for the top).</param>
    /// <returns>Per root: does kubectl build it, and ConfigGuard's build problems for it (empty when it agrees that it builds).</returns>
    public static List<(string Root, bool KubectlBuilds, string KubectlError, List<string> ConfigGuardProblems)> Compare(
        IReadOnlyDictionary<string, string> files, Func<string, Kubectl.Result> kubectl)
    {
        var sources = files.Where(f => ConfigFileKind.IsKustomizationFile(Path.GetFileName(f.Key)))
            .Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var engine = new AnalysisEngine(RulePack.Default);
        var findings = engine.Analyze(sources, p => files.TryGetValue(p, out var t) ? t : null).Findings
            .Where(f => f.RuleId is "CG0012" or "CG0014").ToList();

        var result = new List<(string, bool, string, List<string>)>();
        var readByBuilding = new HashSet<string>(StringComparer.Ordinal);
        var readByFailing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in Roots(files))
        {
            var k = kubectl(root);
            var kustomization = ConfigFileKind.KustomizationFileNames.Select(n => KustomizePaths.Combine(root, n)).First(files.ContainsKey);
            var build = KustomizeModel.Build(files, kustomization);
            var problems = build.Problems.Where(p => p.IsFailure).Select(p => p.ToString()).ToList();
            (k.Builds ? readByBuilding : readByFailing).UnionWith(build.FilesRead);
            if (!k.Builds && !findings.Any(f => build.FilesRead.Contains(f.Path)))
                problems.Add("(the engine reports no CG0012/CG0014 in the files this root reads)");
            result.Add((root, k.Builds, k.Error.Trim(), problems));
        }
        foreach (var f in findings.Where(f => readByBuilding.Contains(f.Path) && !readByFailing.Contains(f.Path)))
        {
            var owner = result.FindIndex(r => r.Item2);
            result[owner].Item4.Add("engine: " + f);
        }
        return result;
    }

    /// <summary>Fails with every disagreement listed.</summary>
    public static void AssertAgrees(IReadOnlyDictionary<string, string> files, Func<string, Kubectl.Result> kubectl, string name)
    {
        var rows = Compare(files, kubectl);
        Assert.NotEmpty(rows);
        var disagreements = rows.Where(r => r.KubectlBuilds == r.ConfigGuardProblems.Count > 0 || (!r.KubectlBuilds && r.ConfigGuardProblems.Any(p => p.StartsWith("(", StringComparison.Ordinal))))
            .Select(r => r.KubectlBuilds
                ? $"{name}/{r.Root}: kubectl builds it, ConfigGuard reports: {string.Join(" | ", r.ConfigGuardProblems)}"
                : $"{name}/{r.Root}: kubectl fails ({r.KubectlError}), ConfigGuard: {(r.ConfigGuardProblems.Count == 0 ? "no problem" : string.Join(" | ", r.ConfigGuardProblems))}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>Writes <paramref name="files"/> to a temporary folder and compares kubectl with ConfigGuard on every root.</summary>
    public static void AssertAgrees(IReadOnlyDictionary<string, string> files, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cg-agree-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            AssertAgrees(files, root => Kubectl.Kustomize(Path.Combine(dir, root)), name);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
