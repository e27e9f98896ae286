using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Model;

/// <summary>The result of parsing one file: entries in file order, comments, and what could not be read. Not sealed: a kustomization carries its rendering (KustomizationParsedFile).</summary>
public class ParsedFile
{
    public ParsedFile(string path, ConfigFormat format, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<SourceComment> comments, IReadOnlyList<ParseError> errors,
        IReadOnlyList<ParseError>? buildErrors = null, IReadOnlyList<ParseError>? ineffective = null)
    {
        Path = path;
        Format = format;
        Entries = entries;
        Comments = comments;
        Errors = errors;
        BuildErrors = buildErrors ?? Array.Empty<ParseError>();
        Ineffective = ineffective ?? Array.Empty<ParseError>();
    }

    /// <summary>Repository-relative path with `/` separators.</summary>
    public string Path { get; }
    public ConfigFormat Format { get; }
    public IReadOnlyList<ConfigEntry> Entries { get; }
    public IReadOnlyList<SourceComment> Comments { get; }
    /// <summary>Syntax the parser could not read (CG0012).</summary>
    public IReadOnlyList<ParseError> Errors { get; }
    /// <summary>Readable, but a kustomize build this file takes part in would fail here (CG0014); empty for other formats.</summary>
    public IReadOnlyList<ParseError> BuildErrors { get; }
    /// <summary>Kustomize builds it, but this entry changes nothing (CG0019); empty for other formats.</summary>
    public IReadOnlyList<ParseError> Ineffective { get; }
}
