using System;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Environments;

/// <summary>Which file names ConfigGuard reads, and in which format.</summary>
public static class ConfigFileKind
{
    /// <summary>The format of a config file by its name, or null when ConfigGuard does not read it.</summary>
    public static ConfigFormat? Detect(string fileName)
    {
        if (Kustomize.KustomizePaths.IsKustomizationFile(fileName)) return ConfigFormat.Kustomize;
        if (fileName.Equals(".env", StringComparison.OrdinalIgnoreCase)
            || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
            || (fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase) && fileName.Length > 4))
            return ConfigFormat.DotEnv;
        if (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && (fileName.Length == "appsettings.json".Length || fileName[11] == '.'))
            return ConfigFormat.AppSettingsJson;
        return null;
    }

    public static string FileName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    public static string Directory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }
}
