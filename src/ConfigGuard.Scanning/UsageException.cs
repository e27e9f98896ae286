namespace ConfigGuard.Scanning;

/// <summary>A usage or configuration error: printed as is, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
