using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0014: where `kubectl kustomize` would refuse to build a kustomization this file takes part in (a missing reference, a
/// cycle, a patch with no unique target, an operation that cannot apply). Only what kustomize itself rejects: a remote or
/// not-checked-out reference is a note, and a tree kubectl builds gets nothing from this rule.
/// </summary>
public sealed class KustomizeBuildFailureRule : IFileRule
{
    public string Id => "CG0014";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        foreach (var error in file.Parsed.BuildErrors)
        {
            sink.Report(Id, file.Path, error.Span, null, file.Environment.Name, error.Message,
                error.Message + "@" + error.Span.StartLine, null);
        }
    }
}
