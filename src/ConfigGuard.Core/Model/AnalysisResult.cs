using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Model;

public sealed class AnalysisResult
{
    public AnalysisResult(IReadOnlyList<Finding> findings, IReadOnlyList<ConfigFile> files, IReadOnlyList<EnvironmentView> views, int suppressed,
        IReadOnlyList<Notice>? notices = null, IReadOnlyList<EnvironmentPair>? pairs = null,
        IReadOnlyList<SuppressionDirective>? suppressionDirectives = null)
    {
        SuppressionDirectives = suppressionDirectives ?? System.Array.Empty<SuppressionDirective>();
        Pairs = pairs ?? System.Array.Empty<EnvironmentPair>();
        Findings = findings;
        Files = files;
        Views = views;
        Suppressed = suppressed;
        Notices = notices ?? System.Array.Empty<Notice>();
    }

    /// <summary>Sorted by path, line, column, rule.</summary>
    public IReadOnlyList<Finding> Findings { get; }
    /// <summary>Sorted by path.</summary>
    public IReadOnlyList<ConfigFile> Files { get; }
    public IReadOnlyList<EnvironmentView> Views { get; }
    /// <summary>Each staging-class view with the production view of its group.</summary>
    public IReadOnlyList<EnvironmentPair> Pairs { get; }
    /// <summary>Findings dropped by inline configguard:ignore comments.</summary>
    public int Suppressed { get; }
    /// <summary>What the engine deliberately did not follow (remote kustomize resources, paths leaving the repository).</summary>
    public IReadOnlyList<Notice> Notices { get; }
    /// <summary>Every inline configguard:ignore comment in the analyzed files, sorted by path and line, with whether it suppressed a finding.</summary>
    public IReadOnlyList<SuppressionDirective> SuppressionDirectives { get; }
}
