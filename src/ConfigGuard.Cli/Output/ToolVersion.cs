namespace ConfigGuard.Cli.Output;

/// <summary>The version reports name (JSON, SARIF, checklist): the CLI assembly's, three parts.</summary>
internal static class ToolVersion
{
    public static string Current => typeof(ToolVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
