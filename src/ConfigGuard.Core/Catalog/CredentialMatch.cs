namespace ConfigGuard.Core.Catalog;

/// <summary>A credential found inside a text: which format and where (character offsets into that text).</summary>
public readonly struct CredentialMatch
{
    public CredentialMatch(CredentialPattern pattern, int index, int length, string value)
    {
        Pattern = pattern;
        Index = index;
        Length = length;
        Value = value;
    }

    public CredentialPattern Pattern { get; }
    public int Index { get; }
    public int Length { get; }
    /// <summary>The matched text. Never print it: use <see cref="Redacted"/>.</summary>
    public string Value { get; }

    public string Redacted => Redaction.Redactor.Redact(Value, Pattern.Prefix);
}
