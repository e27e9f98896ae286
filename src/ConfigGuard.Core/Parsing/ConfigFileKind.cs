using System;
using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Parsing;

/// <summary>Which file names ConfigGuard reads, and in which format.</summary>
public static class ConfigFileKind
{
    /// <summary>
    /// Extensions that make a `.env.*` name another format: `.env.development.yml`, `.env.js`, `.env.production.sh`
    /// are YAML, code or scripts a tool reads its own way, not dotenv files.
    /// </summary>
    private static readonly string[] OtherFormatExtensions =
    {
        ".yml", ".yaml", ".json", ".js", ".cjs", ".mjs", ".ts", ".sh", ".bash", ".zsh", ".ps1", ".py", ".rb", ".php",
        ".md", ".xml", ".toml", ".go", ".cs",
    };

    /// <summary>The names kustomize looks for in a directory, in its order.</summary>
    public static IReadOnlyList<string> KustomizationFileNames => Names;

    private static readonly string[] Names = { "kustomization.yaml", "kustomization.yml", "Kustomization" };

    // Asked for every file a scan lists: the array itself, whose loop allocates no enumerator.
    public static bool IsKustomizationFile(string fileName) => Array.IndexOf(Names, fileName) >= 0;

    /// <summary>The format of a config file by its name, or null when ConfigGuard does not read it.</summary>
    public static ConfigFormat? Detect(string fileName)
    {
        if (IsKustomizationFile(fileName)) return ConfigFormat.Kustomize;
        if (IsOtherFormatNamedEnv(fileName)) return null;
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

    /// <summary>
    /// A `.env`-named file that is not dotenv: another format's extension, or React Native's `.xcode.env` (and
    /// `.xcode.env.local`), a shell script Xcode sources to find node, present in every React Native app.
    /// </summary>
    private static bool IsOtherFormatNamedEnv(string fileName)
    {
        if (fileName.StartsWith(".xcode.env", StringComparison.OrdinalIgnoreCase)) return true;
        if (!fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var ext in OtherFormatExtensions)
            if (fileName.Length > ext.Length + 4 && fileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
