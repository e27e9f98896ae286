namespace ConfigGuard.Core.Model;

public enum ConfigFormat
{
    DotEnv,
    AppSettingsJson,
    Kustomize,
}
