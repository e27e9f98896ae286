using ConfigGuard.Core.Engine;

namespace ConfigGuard.Cli.Discovery;

/// <summary>A config file found on disk: absolute path, repository-relative path and git facts.</summary>
internal sealed record DiscoveredFile(string FullPath, string RelativePath, FileFacts Facts);
