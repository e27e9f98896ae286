using System;
using System.Linq;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG1009, the code-aware form of CG0003: the code builds an ASP.NET Core or generic host (which takes its environment
/// from ASPNETCORE_ENVIRONMENT/DOTNET_ENVIRONMENT and defaults to Production), and a deployed non-production environment
/// (a kustomize overlay, a <c>.env.&lt;env&gt;</c> file) sets neither variable nor passes <c>--environment</c>, so the app
/// runs as Production there (and loads appsettings.Production.json, which the message names only when the project has
/// one). Production itself is right to run as Production;
/// an environment whose containers take variables from a Secret made outside the build may set it there and is not judged,
/// and so are variables that are not this app's (<see cref="DeploysThisApp"/>) and files CG0003 already reports.
/// </summary>
public sealed class AspNetCoreRunsAsProductionRule : ICodeRule
{
    public string Id => "CG1009";

    public void Analyze(CodeConfigContext context, FindingSink sink)
    {
        var host = context.Code.Hosts.FirstOrDefault(h => h.Kind != AppHostKind.None);
        if (host is null) return;
        foreach (var env in context.Environments)
        {
            if (env.Class != EnvironmentClass.Staging || !env.SetsVariables || env.OpenVariablesReason is not null || env.OpenReason is not null) continue;
            if (host.EnvironmentVariables.Any(v => env.Variables.Any(p => string.Equals(p.Key, v, StringComparison.OrdinalIgnoreCase)))) continue;
            if (env.Keys.Any(k => string.Equals(k.Key, "environment", StringComparison.OrdinalIgnoreCase))) continue;
            if (env.Views.Any(PassesEnvironmentArgument) || !DeploysThisApp(env, context.Code)) continue;
            var deployment = env.Views.First(v => v.Primary.Format is ConfigFormat.Kustomize or ConfigFormat.DotEnv);
            // CG0003 already tells this file to declare its environment (a sibling does): one finding is enough.
            if (context.Config.Findings.Any(f => f.RuleId == "CG0003" && f.Path == deployment.Primary.Path)) continue;
            var names = string.Join(" or ", host.EnvironmentVariables);
            // What running as Production costs there: production's settings file, when the project has one.
            var loads = HasProductionSettings(context.Config) ? " and loads appsettings.Production.json" : "";
            sink.Report(Id, deployment.Primary.Path, new SourceSpan(0, 0, 1, 1, 1, 1), host.EnvironmentVariables[0], env.Name,
                $"{RepoPath.FileName(deployment.Primary.Path)} deploys {env.Name} but never sets {names}, so the app ({host.Call}, {host.Path}:{host.Span.StartLine}) " +
                $"runs as Production there{loads}; set {host.EnvironmentVariables[0]}={Capitalized(env.Name)}",
                env.Name, null, new[] { new RelatedLocation(host.Path, host.Span, "the host reads its environment name here") });
        }
    }

    private static bool HasProductionSettings(AnalysisResult config) =>
        config.Files.Any(f => f.Format == ConfigFormat.AppSettingsJson
            && string.Equals(RepoPath.FileName(f.Path), "appsettings.Production.json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The variables are this .NET app's: one is .NET-shaped (<c>A__B</c>, <c>ASPNETCORE_*</c>, <c>DOTNET_*</c>) or is a key
    /// the code reads. A .env file or overlay for another app of the repository (APP_ENV, DATABASE_URL only) is not judged.
    /// </summary>
    private static bool DeploysThisApp(EnvironmentKeySet env, CodeFacts code)
    {
        foreach (var v in env.Variables)
        {
            if (v.Key.Contains("__") || v.Key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || v.Key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var r in code.Reads)
            {
                if (r.Kind == ConfigKeyReadKind.EnvironmentVariable ? r.Key == v.Key : string.Equals(r.Key, v.Key, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    private static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>A container started with <c>--environment X</c> (or <c>--environment=X</c>) tells the host its environment.</summary>
    private static bool PassesEnvironmentArgument(EnvironmentView view)
    {
        if ((view.Primary.Parsed as KustomizationParsedFile)?.Build is not { } build) return false;
        foreach (var r in build.Resources)
            foreach (var c in r.Containers())
                foreach (var field in new[] { "args", "command" })
                    if (c.GetSequence(field) is { } seq && seq.Items.OfType<YamlTreeScalar>().Any(s => s.Value.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)))
                        return true;
        return false;
    }
}
