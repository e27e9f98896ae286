using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0003: a deployed config that does not tell the app its environment, where that can bite. Two cases:
/// <list type="bullet">
/// <item>a sibling environment of the same group (same base, or same folder and family) declares its environment
/// (APP_ENV=production) and this one declares nothing, neither itself nor through its base: the app reads the key and
/// falls back to its default here (ASP.NET Core's default is Production);</item>
/// <item>a kustomize overlay's workload reads ASPNETCORE_ENVIRONMENT (or another declaration key) from a ConfigMap or
/// Secret key that the overlay's own ConfigMap does not set;</item>
/// <item>a non-production kustomize overlay deploys a container its layers show to be an ASP.NET Core host (they set
/// ASPNETCORE_* or DOTNET_* variables, e.g. ASPNETCORE_URLS) and no layer gives it ASPNETCORE_ENVIRONMENT or
/// DOTNET_ENVIRONMENT, in env or through an envFrom ConfigMap/Secret of the build: the host runs as Production and
/// loads appsettings.Production.json in staging. Labels (env: staging) do not reach the app and do not count.</item>
/// </list>
/// Nothing is asked of a lone file (a Vite/Vue/dotenv-flow mode file: its name is the declaration), of appsettings
/// files (ASP.NET Core takes the environment from outside), or of declarations in any spelling teams use (NODE_ENV,
/// GOLANG_ENV, VITE_MODE, SPRING_PROFILES_ACTIVE, commonLabels env:).
/// </summary>
public sealed class MissingEnvironmentDeclarationRule : IViewRule
{
    public string Id => "CG0003";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable() || view.IsImplicit || view.Primary.Format == ConfigFormat.AppSettingsJson || view.Primary.Environment.IsLocalOverride) return;
        var names = sink.Pack.Environments;
        var build = (view.Primary.Parsed as KustomizationParsedFile)?.Build;
        if (build is not null)
        {
            ReportUnsetReferences(view, build, sink);
            if (view.Class != EnvironmentClass.Production) ReportAspNetCoreWithoutEnvironment(view, build, sink);
        }
        if (Declares(view, build, names)) return;

        foreach (var sibling in view.Siblings)
        {
            var declaration = sibling.Entries.FirstOrDefault(e => names.DeclarationKeys.Contains(e.NormalizedKey) && e.Value.Trim().Length > 0);
            if (declaration is null) continue;
            var name = RepoPath.FileName(view.Primary.Path);
            sink.Report(Id, view.Primary.Path, new SourceSpan(0, 0, 1, 1, 1, 1), null, view.Name,
                $"{name} configures {view.Name} but declares no environment, while {sibling.Name} declares " +
                $"{declaration.Key}={declaration.Value.Trim()} ({declaration.File.Path}:{declaration.Entry.KeySpan.StartLine}); the app falls back to its default here " +
                $"(ASP.NET Core's is Production): add {declaration.Key}={view.Name}",
                view.Primary.Path, null);
            return;
        }
    }

    /// <summary>The view says which environment it is for, in any spelling teams use.</summary>
    private static bool Declares(EnvironmentView view, KustomizeBuild? build, EnvironmentNames names)
    {
        foreach (var e in view.Entries)
        {
            if (e.Value.Trim().Length > 0 && names.DeclaresEnvironment(e.NormalizedKey)) return true;
        }
        // Vite / Vue CLI load .env.[mode] by the mode's name: the file name is the declaration.
        if (view.Primary.Format == ConfigFormat.DotEnv && RepoPath.FileName(view.Primary.Path).StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            && view.Entries.Any(e => names.IsModeFileKey(e.NormalizedKey))) return true;
        if (build is null) return false;
        foreach (var label in build.Labels)
        {
            if (names.IsEnvironmentLabel(label.Key) && label.Value.Value.Trim().Length > 0) return true;
        }
        foreach (var (item, key) in EnvItems(build))
        {
            if (names.DeclaresEnvironment(KeyNames.Normalize(key)) && item.Get("valueFrom") is YamlTreeMap) return true;
        }
        return false;
    }

    /// <summary>
    /// ASPNETCORE_ENVIRONMENT (or another declaration key) taken from a ConfigMap/Secret key that the build's ConfigMap of that
    /// name does not hold: the variable is unset (or the pod fails to start). A ConfigMap the build does not contain is
    /// made elsewhere and is not judged.
    /// </summary>
    private void ReportUnsetReferences(EnvironmentView view, KustomizeBuild build, FindingSink sink)
    {
        var names = sink.Pack.Environments;
        foreach (var (item, key) in EnvItems(build))
        {
            if (!names.DeclarationKeys.Contains(KeyNames.Normalize(key)) || item.GetMap("valueFrom") is not { } from) continue;
            var (kind, reference) = from.GetMap("configMapKeyRef") is { } cm ? ("ConfigMap", cm)
                : from.GetMap("secretKeyRef") is { } sk ? ("Secret", sk) : (null, null);
            if (kind is null || reference is null) continue;
            if (reference.GetString("name") is not { } source || reference.GetString("key") is not { } dataKey) continue;
            if (string.Equals(reference.GetString("optional"), "true", StringComparison.OrdinalIgnoreCase)) continue;
            var holder = build.Resources.FirstOrDefault(r => r.Kind == kind && (r.HasName(source) || r.Name == source || r.OriginalName == source));
            if (holder is null || holder.DataEntries().Any(d => d.Key == dataKey)) continue;
            var nameNode = item.GetScalar("name")!;
            sink.Report(Id, nameNode.Path, nameNode.ValueSpan, key, view.Name,
                $"{key} is read from key '{dataKey}' of {kind} {source}, which {view.Name} ({RepoPath.FileName(view.Primary.Path)}) does not set: " +
                $"the app runs with its default environment (ASP.NET Core's is Production); add {dataKey}={view.Name} to the {kind}",
                key, null);
        }
    }

    private static readonly string[] HostEnvironmentKeys = { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" };

    private void ReportAspNetCoreWithoutEnvironment(EnvironmentView view, KustomizeBuild build, FindingSink sink)
    {
        foreach (var r in build.Resources)
        {
            foreach (var c in r.Containers())
            {
                var names = new List<string>();
                if (c.GetSequence("env") is { } env)
                {
                    foreach (var item in env.Items.OfType<YamlTreeMap>()) if (item.GetString("name") is { } n) names.Add(KeyNames.Normalize(n));
                }
                var shown = names.FirstOrDefault(n => (n.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || n.StartsWith("DOTNET_", StringComparison.Ordinal)) && !HostEnvironmentKeys.Contains(n));
                if (shown is null || names.Any(n => HostEnvironmentKeys.Contains(n))) continue;
                if (FromEnvSources(c, build) is not { } fromSources || fromSources.Any(k => HostEnvironmentKeys.Contains(KeyNames.Normalize(k)))) continue;
                var nameNode = c.GetScalar("name");
                if (nameNode is null) continue;
                sink.Report(Id, nameNode.Path, nameNode.ValueSpan, "ASPNETCORE_ENVIRONMENT", view.Name,
                    $"container '{nameNode.Value}' is an ASP.NET Core host (it sets {shown}) and no layer of {view.Name} ({RepoPath.FileName(view.Primary.Path)}) sets ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT: " +
                    $"it runs as Production here and loads appsettings.Production.json; set ASPNETCORE_ENVIRONMENT={view.Name} in the overlay",
                    nameNode.Path + "|" + nameNode.Value, null);
            }
        }
    }

    /// <summary>The keys the container's envFrom sources give it, or null when a source is not in the build (made elsewhere: not judged).</summary>
    private static List<string>? FromEnvSources(YamlTreeMap container, KustomizeBuild build)
    {
        var keys = new List<string>();
        if (container.GetSequence("envFrom") is not { } from) return keys;
        foreach (var item in from.Items.OfType<YamlTreeMap>())
        {
            var (kind, reference) = item.GetMap("configMapRef") is { } cm ? ("ConfigMap", cm) : item.GetMap("secretRef") is { } sr ? ("Secret", sr) : (null, null);
            if (kind is null || reference?.GetString("name") is not { } source) return null;
            var holder = build.Resources.FirstOrDefault(r => r.Kind == kind && (r.HasName(source) || r.Name == source || r.OriginalName == source));
            if (holder is null) return null;
            keys.AddRange(holder.DataEntries().Select(d => d.Key));
        }
        return keys;
    }

    private static IEnumerable<(YamlTreeMap Item, string Key)> EnvItems(KustomizeBuild build)
    {
        foreach (var r in build.Resources)
        {
            foreach (var c in r.Containers())
            {
                if (c.GetSequence("env") is not { } env) continue;
                foreach (var item in env.Items.OfType<YamlTreeMap>())
                {
                    if (item.GetString("name") is { } key) yield return (item, key);
                }
            }
        }
    }
}
