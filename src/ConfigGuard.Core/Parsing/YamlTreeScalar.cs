using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>A scalar with the exact span of its content (for a plain or quoted one-line scalar), or of the whole node.</summary>
public sealed class YamlTreeScalar : YamlTreeNode
{
    public YamlTreeScalar(string path, SourceSpan span, string value, SourceSpan valueSpan, bool isNull = false, string? plainValue = null,
        IReadOnlyList<ConfigEntry>? parts = null, bool isPlain = false)
        : base(path, span)
    {
        Parts = parts;
        IsPlain = isPlain;
        Value = value;
        ValueSpan = valueSpan;
        IsNull = isNull;
        PlainValue = plainValue;
    }

    public string Value { get; }
    /// <summary>Where the content is written; its length equals <see cref="Value"/>'s only when the value maps 1:1 onto the source.</summary>
    public SourceSpan ValueSpan { get; }
    /// <summary>A plain <c>null</c>, <c>~</c> or empty value: in a patch it deletes the field.</summary>
    public bool IsNull { get; }
    /// <summary>For a generated Secret's base64 data: the value as the user wrote it (a literal or env-file line), which <see cref="ValueSpan"/> locates.</summary>
    public string? PlainValue { get; }
    /// <summary>For a value a generator took from a whole file (`files:`): the values inside it, each at its own line (see <see cref="GeneratorFileValues"/>).</summary>
    public IReadOnlyList<ConfigEntry>? Parts { get; }
    /// <summary>Written without quotes or tag in the YAML source, so a YAML reader may take it for a number or a boolean (see <see cref="KustomizationFieldTypes"/>).</summary>
    public bool IsPlain { get; }

    public override YamlTreeNode Clone() => this; // immutable: sharing is safe
}
