using System.Collections.Generic;

namespace ConfigGuard.Core.Model;

/// <summary>The result of parsing one file: entries in file order, comments, and what could not be read. Not sealed: a kustomization carries its rendering (KustomizationParsedFile).</summary>
public class ParsedFile
{
    public ParsedFile(string path, ConfigFormat format, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<SourceComment> comments, IReadOnlyList<ParseError> errors)
    {
        Path = path;
        Format = format;
        Entries = entries;
        Comments = comments;
        Errors = errors;
    }

    /// <summary>Repository-relative path with `/` separators.</summary>
    public string Path { get; }
    public ConfigFormat Format { get; }
    public IReadOnlyList<ConfigEntry> Entries { get; }
    public IReadOnlyList<SourceComment> Comments { get; }
    public IReadOnlyList<ParseError> Errors { get; }
}
