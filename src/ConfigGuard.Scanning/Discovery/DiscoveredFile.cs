using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>A config file found on disk: absolute path, repository-relative path and git facts.</summary>
public sealed record DiscoveredFile(string FullPath, string RelativePath, FileFacts Facts);
