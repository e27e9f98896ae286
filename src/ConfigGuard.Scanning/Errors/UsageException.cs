namespace ConfigGuard.Scanning.Errors;

/// <summary>
/// A usage or configuration error (a path not found, an unreadable or invalid configguard.yaml or baseline): the CLI
/// prints <see cref="Exception.Message"/> as is and exits 2; the ConfigGuardCheck task logs it as an MSBuild error at
/// <see cref="File"/>, <see cref="Line"/> and <see cref="Column"/> when the problem lies in a file.
/// </summary>
public sealed class UsageException(string message, string? file = null, int line = 0, int column = 0, string? detail = null) : Exception(message)
{
    /// <summary>The file at fault (configguard.yaml, the baseline), or null.</summary>
    public string? File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    /// <summary>The message without the "path:line:col: error:" prefix, for a logger that shows the location itself.</summary>
    public string Detail { get; } = detail ?? message;
}
