using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Parity with the real renderer: every root of ../shared/corpus/kustomize rendered in process must match the saved
/// `kubectl kustomize` output (kustomize v5.5.0) on object names including hash suffixes, namespaces, ConfigMap/Secret data and images.
/// </summary>
public class KustomizeCorpusParityTests
{
    private static string CorpusDir => Path.Combine(RepoPaths.Corpus, "kustomize");

    public static IEnumerable<object[]> Roots()
    {
        foreach (var example in Directory.GetDirectories(CorpusDir).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var rendered in Directory.GetFiles(Path.Combine(example, "expected"), "*.rendered.yaml").OrderBy(f => f, StringComparer.Ordinal))
                yield return new object[] { Path.GetFileName(example), Path.GetFileName(rendered)[..^".rendered.yaml".Length] };
        }
    }

    [CorpusFact]
    public void Corpus_has_all_eleven_roots() => Assert.Equal(11, Roots().Count());

    [CorpusTheory]
    [MemberData(nameof(Roots))]
    public void In_process_model_matches_kubectl_kustomize(string example, string root)
    {
        var exampleDir = Path.Combine(CorpusDir, example);
        var files = LoadTree(exampleDir);
        var dir = root == "root" ? "" : root.Replace('-', '/');
        var kustomization = ConfigFileKind.KustomizationFileNames.Select(n => KustomizePaths.Combine(dir, n)).First(files.ContainsKey);

        var build = KustomizeModel.Build(files, kustomization);

        Assert.Empty(build.Problems);
        var expected = RenderedObjects.FromKubectlOutput(File.ReadAllText(Path.Combine(exampleDir, "expected", root + ".rendered.yaml")));
        RenderedObjects.AssertSame(expected, RenderedObjects.FromModel(build), $"{example}/{root}");
    }

    /// <summary>Every file of an example except the saved renderings, keyed by its path relative to the example.</summary>
    internal static Dictionary<string, string> LoadTree(string dir)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(dir, f).Replace('\\', '/');
            if (rel.StartsWith("expected/", StringComparison.Ordinal)) continue;
            files[rel] = File.ReadAllText(f);
        }
        return files;
    }
}
