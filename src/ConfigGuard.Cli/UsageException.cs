namespace ConfigGuard.Cli;

/// <summary>A usage or configuration error: printed as is, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
