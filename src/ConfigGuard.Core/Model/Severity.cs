namespace ConfigGuard.Core.Model;

/// <summary>Severity of a finding, ordered so that a larger value is more severe.</summary>
public enum Severity
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    /// <summary>Parses the names .editorconfig and configguard.yaml use (error, warning, suggestion/note/info, silent/none).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": case "warn": severity = Severity.Warning; return true;
            case "note": case "suggestion": case "info": severity = Severity.Note; return true;
            case "none": case "silent": case "off": severity = Severity.None; return true;
            default: severity = Severity.None; return false;
        }
    }
}
