using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Concurrency;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Settings;

namespace ConfigGuard.Core.Environments;

/// <summary>
/// Works out which environment a config file configures, strongest evidence first:
/// configguard.yaml globs, then the file name (.env.staging, appsettings.Production.json, staging.env),
/// then the nearest folder named after an environment (deploy/prod/.env), then a declared key
/// (APP_ENV=staging) for files whose name and folder say nothing.
/// </summary>
public sealed class EnvironmentInference
{
    private readonly EnvironmentNames _names;
    private readonly ConfigGuardSettings _settings;
    // The answers are immutable and depend on the name (with its format: whether it is a local override too) or the folder alone.
    private readonly BoundedCache<(string Name, ConfigFormat Format), EnvironmentAssignment?> _byFileName = new(20_000);
    private readonly BoundedCache<(string Folder, bool Local), EnvironmentAssignment?> _byFolder = new(20_000);

    public EnvironmentInference(RulePack pack, ConfigGuardSettings settings)
    {
        _names = settings.Names.Count == 0 ? pack.Environments : pack.Environments.With(settings.Names);
        _settings = settings;
    }

    /// <summary>The names in force: the rule pack's and configguard.yaml's <c>names:</c>.</summary>
    public EnvironmentNames Names => _names;

    /// <summary>Assignment from the path alone (no file content).</summary>
    public EnvironmentAssignment FromPath(string path, ConfigFormat format)
    {
        bool local = IsLocalOverride(path, format);
        foreach (var (glob, env) in _settings.EnvironmentGlobs)
        {
            if (!glob.IsMatch(path)) continue;
            var cls = string.Equals(env, "base", StringComparison.OrdinalIgnoreCase) ? EnvironmentClass.Base : _names.ClassifyName(env);
            return new EnvironmentAssignment(cls, env, AssignmentSource.Settings, $"configguard.yaml: '{glob.Pattern}' -> {env}", local);
        }

        var name = RepoPath.FileName(path);
        // File names (.env.staging) and folders (services/a/deploy/prod) repeat across a repository: each is judged once.
        if (!_byFileName.TryGetValue((name, format), out var fromName))
        {
            fromName = FromFileName(name, format, local);
            _byFileName.Add((name, format), fromName);
        }
        if (fromName is not null && fromName.Class != EnvironmentClass.Base) return fromName;

        var dir = RepoPath.Directory(path);
        if (!_byFolder.TryGetValue((dir, local), out var folder))
        {
            folder = FromFolders(dir, local);
            _byFolder.Add((dir, local), folder);
        }
        if (folder is not null) return folder;
        if (fromName is not null) return fromName;
        // A kustomization's folder is its candidate name (overlays/blue -> blue), listed by `configguard envs` as unknown.
        var candidate = format == ConfigFormat.Kustomize && ConfigFileKind.IsKustomizationFile(RepoPath.FileName(path)) && dir.Length > 0
            ? RepoPath.FileName(dir) : "unknown";
        return new EnvironmentAssignment(EnvironmentClass.Unknown, candidate, AssignmentSource.None, "no environment in the file name or folders", local);
    }

    /// <summary>Refines a path-only assignment with the environment a file declares (APP_ENV=staging), when the path said nothing.</summary>
    public EnvironmentAssignment WithDeclaration(EnvironmentAssignment assignment, ConfigEntry? declaration)
    {
        if (declaration is null || assignment.Class is not (EnvironmentClass.Unknown)) return assignment;
        var cls = _names.ClassifyValue(declaration.Value);
        if (cls == EnvironmentClass.Unknown) return assignment;
        return new EnvironmentAssignment(cls, declaration.Value.Trim(), AssignmentSource.DeclaredKey,
            $"declared by {declaration.Key}={declaration.Value.Trim()} (line {declaration.KeySpan.StartLine})", assignment.IsLocalOverride);
    }

    private EnvironmentAssignment? FromFileName(string name, ConfigFormat format, bool local)
    {
        var segments = EnvironmentSegments(name, format);
        if (segments is null) return null;
        if (segments.Count == 0)
            return new EnvironmentAssignment(local ? EnvironmentClass.Development : EnvironmentClass.Base, local ? "local" : "base",
                AssignmentSource.FileName, local ? $"file name '{name}' (local override)" : $"file name '{name}' (applies to every environment)", local);
        // A template of an environment (.env.production.example) is a template: placeholders, never loaded as is.
        foreach (var seg in segments)
        {
            if (_names.Classify(seg) == EnvironmentClass.Template)
                return new EnvironmentAssignment(EnvironmentClass.Template, seg, AssignmentSource.FileName, $"file name '{name}'", local);
        }
        foreach (var seg in segments)
        {
            var cls = _names.ClassifyFileSegment(seg);
            if (cls != EnvironmentClass.Unknown)
                return new EnvironmentAssignment(cls, seg, AssignmentSource.FileName, $"file name '{name}'", local);
        }
        return new EnvironmentAssignment(EnvironmentClass.Unknown, segments[0], AssignmentSource.None, $"file name '{name}' names no known environment", local);
    }

    /// <summary>
    /// The environment-bearing parts of a file name: ".env.staging.local" -> [staging]; "staging.env" -> [staging];
    /// "appsettings.Production.json" -> [Production]; ".env" / "appsettings.json" -> [] (base).
    /// </summary>
    private static List<string>? EnvironmentSegments(string name, ConfigFormat format)
    {
        var parts = new List<string>();
        if (format == ConfigFormat.AppSettingsJson)
        {
            var middle = name.Length > "appsettings.json".Length ? name.Substring(12, name.Length - 12 - 5) : "";
            if (middle.Length > 0) parts.AddRange(middle.Split('.'));
            return parts;
        }
        if (format != ConfigFormat.DotEnv) return null;
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var p in name.Substring(4).Split('.')) if (p.Length > 0) parts.Add(p);
        }
        else
        {
            foreach (var p in name.Substring(0, name.Length - 4).Split('.')) if (p.Length > 0) parts.Add(p);
        }
        if (parts.Count > 0 && parts[parts.Count - 1].Equals("local", StringComparison.OrdinalIgnoreCase) && parts.Count > 1) parts.RemoveAt(parts.Count - 1);
        else if (parts.Count == 1 && parts[0].Equals("local", StringComparison.OrdinalIgnoreCase)) parts.Clear();
        return parts;
    }

    private EnvironmentAssignment? FromFolders(string directory, bool local)
    {
        var dirs = directory.Split('/');
        for (int i = dirs.Length - 1; i >= 0; i--)
        {
            var cls = _names.ClassifyFolder(dirs[i], i > 0 ? dirs[i - 1] : null);
            if (cls != EnvironmentClass.Unknown && cls != EnvironmentClass.Template)
                return new EnvironmentAssignment(cls, dirs[i], AssignmentSource.Folder, $"folder '{dirs[i]}/'", local);
        }
        return null;
    }

    public static bool IsLocalOverride(string path, ConfigFormat format)
    {
        if (format != ConfigFormat.DotEnv) return false;
        var name = RepoPath.FileName(path);
        return name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".local", StringComparison.OrdinalIgnoreCase);
    }
}
