namespace ConfigGuard.Core.Model;

/// <summary>
/// One key/value a config file sets. <see cref="Key"/> is as the file spells it (for appsettings: the
/// flattened `Section:Sub:0:Key` path); <see cref="Value"/> is exactly what the format's reader yields.
/// </summary>
public sealed class ConfigEntry
{
    public ConfigEntry(string key, string value, SourceSpan keySpan, SourceSpan valueSpan, string? sourcePath = null)
    {
        Key = key;
        Value = value;
        KeySpan = keySpan;
        ValueSpan = valueSpan;
        SourcePath = sourcePath;
    }

    public string Key { get; }

    private string? _normalizedKey;

    /// <summary><see cref="Key"/> in the one spelling rules match (<see cref="KeyNames.Normalize"/>), computed once.</summary>
    public string NormalizedKey => _normalizedKey ??= KeyNames.Normalize(Key);
    public string Value { get; }
    public SourceSpan KeySpan { get; }
    /// <summary>Where the value is written (for an empty value: where it would start).</summary>
    public SourceSpan ValueSpan { get; }
    /// <summary>File the entry was written in when it differs from the document's own path (layering, kustomize bases).</summary>
    public string? SourcePath { get; }

    public override string ToString() => Key + "=" + Value;
}
