using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Kustomize;

/// <summary>A kustomization file as the engine sees it: the values it writes, plus the in-process rendering of it as a root (for CG0011).</summary>
public sealed class KustomizationParsedFile : ParsedFile
{
    public KustomizationParsedFile(string path, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<SourceComment> comments,
        IReadOnlyList<ParseError> errors, IReadOnlyList<ParseError> buildErrors, KustomizeBuild build, IReadOnlyList<ParseError>? ineffective = null)
        : base(path, ConfigFormat.Kustomize, entries, comments, errors, buildErrors, ineffective)
    {
        Build = build;
    }

    public KustomizeBuild Build { get; }
}
