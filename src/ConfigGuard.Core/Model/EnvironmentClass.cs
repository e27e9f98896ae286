namespace ConfigGuard.Core.Model;

/// <summary>What kind of environment a config configures. Names (uat, preprod) map onto these classes.</summary>
public enum EnvironmentClass
{
    /// <summary>No environment could be inferred.</summary>
    Unknown = 0,
    /// <summary>A base file (.env, appsettings.json, kustomize base) that applies to every environment.</summary>
    Base,
    Development,
    Test,
    /// <summary>A deployed non-production environment (staging, stage, uat, preprod).</summary>
    Staging,
    Production,
    /// <summary>A committed template (.env.example): placeholders only, never loaded as is.</summary>
    Template,
}

public static class EnvironmentClassExtensions
{
    public static bool IsNonProduction(this EnvironmentClass c) =>
        c is EnvironmentClass.Development or EnvironmentClass.Test or EnvironmentClass.Staging or EnvironmentClass.Template;

    /// <summary>Staging and production: what gets deployed and must be complete and declared.</summary>
    public static bool IsDeployable(this EnvironmentClass c) => c is EnvironmentClass.Staging or EnvironmentClass.Production;

    public static string ToName(this EnvironmentClass c) => c switch
    {
        EnvironmentClass.Base => "base",
        EnvironmentClass.Development => "development",
        EnvironmentClass.Test => "test",
        EnvironmentClass.Staging => "staging",
        EnvironmentClass.Production => "production",
        EnvironmentClass.Template => "template",
        _ => "unknown",
    };
}
