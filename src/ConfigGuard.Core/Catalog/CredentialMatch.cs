namespace ConfigGuard.Core.Catalog;

/// <summary>A credential found inside a text: which format and where (character offsets into that text).</summary>
public readonly struct CredentialMatch
{
    public CredentialMatch(CredentialPattern pattern, int index, int length, string value, int secretOffset = 0, int secretLength = -1)
    {
        Pattern = pattern;
        Index = index;
        Length = length;
        Value = value;
        SecretOffset = secretOffset;
        SecretLength = secretLength < 0 ? length : secretLength;
    }

    public CredentialPattern Pattern { get; }
    public int Index { get; }
    public int Length { get; }
    /// <summary>The matched text. Never print it: use <see cref="Redacted"/>.</summary>
    public string Value { get; }

    /// <summary>Where the secret part starts inside <see cref="Value"/> (the password of a database URL; else 0).</summary>
    public int SecretOffset { get; }
    public int SecretLength { get; }

    /// <summary>
    /// The body after the format's keyword is a filler (sk_live_xxxxxxxxxxxx, sk_live_0000000000: two distinct
    /// characters at most): a placeholder someone typed, not a key. The one judgment for config rules (CG0001, CG0006,
    /// CG0008, CG0013) and the code rule CG1005, so a filler means the same in a .env file and in a C# literal.
    /// </summary>
    public bool IsFiller
    {
        get
        {
            var body = Value.Length > Pattern.Keyword.Length ? Value.Substring(Pattern.Keyword.Length) : Value;
            var distinct = new System.Collections.Generic.HashSet<char>(body.ToLowerInvariant());
            return distinct.Count <= 2;
        }
    }

    /// <summary>Safe to print: a known prefix and the last four characters, or, for a URL, everything but the password.</summary>
    public string Redacted => SecretLength == Length
        ? Redaction.Redactor.Redact(Value, Pattern.Prefix)
        : Value.Substring(0, SecretOffset) + "****" + Value.Substring(SecretOffset + SecretLength);
}
