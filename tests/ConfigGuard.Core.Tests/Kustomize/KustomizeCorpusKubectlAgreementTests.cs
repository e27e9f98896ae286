using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// Every kustomization root of ../shared/corpus/kustomize, rendered live by `kubectl kustomize`: ConfigGuard reports a
/// build problem (CG0012/CG0014) exactly where kubectl fails. Skipped, with the reason, without kubectl or ../shared.
/// </summary>
public class KustomizeCorpusKubectlAgreementTests
{
    private static string CorpusDir => Path.Combine(RepoPaths.Corpus, "kustomize");

    public static IEnumerable<object[]> Examples()
    {
        if (!Directory.Exists(CorpusDir)) yield break;
        foreach (var example in Directory.GetDirectories(CorpusDir).OrderBy(d => d, StringComparer.Ordinal))
            yield return new object[] { Path.GetFileName(example) };
    }

    [CorpusAndKubectlTheory]
    [MemberData(nameof(Examples))]
    public void ConfigGuard_reports_a_build_problem_exactly_where_kubectl_fails(string example)
    {
        var dir = Path.Combine(CorpusDir, example);
        var files = KustomizeCorpusParityTests.LoadTree(dir);
        KubectlAgreement.AssertAgrees(files, root => Kubectl.Kustomize(Path.Combine(dir, root)), example);
    }
}
