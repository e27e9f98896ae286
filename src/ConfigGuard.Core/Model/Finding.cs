using System.Collections.Generic;

namespace ConfigGuard.Core.Model;

/// <summary>A location in another file that explains a finding (the production line a staging value shares).</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(string path, SourceSpan span, string message)
    {
        Path = path;
        Span = span;
        Message = message;
    }

    public string Path { get; }
    public SourceSpan Span { get; }
    public string Message { get; }
}

/// <summary>
/// One reported problem. <see cref="Message"/>, <see cref="RedactedValue"/> and <see cref="Fingerprint"/> are safe
/// to print; <see cref="RawValue"/> is the unredacted value the finding is about and is shown only on explicit request
/// (`--show-secrets`).
/// </summary>
public sealed class Finding
{
    public Finding(string ruleId, Severity severity, string path, SourceSpan span, string? key, string environment,
        string message, string fingerprint, string? redactedValue, IReadOnlyList<RelatedLocation>? related = null, string? rawValue = null)
    {
        RuleId = ruleId;
        Severity = severity;
        Path = path;
        Span = span;
        Key = key;
        Environment = environment;
        Message = message;
        Fingerprint = fingerprint;
        RedactedValue = redactedValue;
        Related = related ?? System.Array.Empty<RelatedLocation>();
        RawValue = rawValue;
    }

    public string RuleId { get; }
    public Severity Severity { get; }
    /// <summary>Repository-relative path, `/` separators.</summary>
    public string Path { get; }
    public SourceSpan Span { get; }
    public string? Key { get; }
    public string Environment { get; }
    public string Message { get; }
    /// <summary>Stable across edits elsewhere in the file: rule + path + key + hash of the value, no line number.</summary>
    public string Fingerprint { get; }
    public string? RedactedValue { get; }
    public IReadOnlyList<RelatedLocation> Related { get; }
    public string? RawValue { get; }

    public Finding WithSeverity(Severity severity) =>
        new(RuleId, severity, Path, Span, Key, Environment, Message, Fingerprint, RedactedValue, Related, RawValue);

    public override string ToString() => $"{Path}:{Span.StartLine}:{Span.StartColumn}: {Severity.ToName()} {RuleId}: {Message}";
}
