using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>The documents of one YAML stream (empty documents dropped) and what could not be read.</summary>
public sealed class YamlLoadResult
{
    public YamlLoadResult(IReadOnlyList<YamlTreeNode> documents, IReadOnlyList<ParseError> errors)
    {
        Documents = documents;
        Errors = errors;
    }

    public IReadOnlyList<YamlTreeNode> Documents { get; }
    public IReadOnlyList<ParseError> Errors { get; }
}
