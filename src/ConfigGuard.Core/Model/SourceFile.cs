namespace ConfigGuard.Core.Model;

/// <summary>What git knows about a file; null members mean "not known" (no git repository), and rules that need them stay quiet.</summary>
public readonly record struct FileFacts(bool? IsTracked, bool? IsIgnored);

/// <summary>One file handed to the engine: repository-relative path (`/`), decoded text and git facts. The engine never reads the disk.</summary>
public sealed record SourceFile(string Path, string Text, FileFacts Facts = default);
