using System.Linq;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG1007: a key the code reads without a default that one deployed environment provides and another does not. Reported
/// at the read in code, once per environment that lacks it (error when that is production, warning otherwise), with the
/// providing environment's line as related location. Not judged: reads with a default or an optional section, process
/// variables in an environment that sets none (appsettings only), and environments that can get keys the repository
/// does not show (envFrom a Secret made elsewhere, a Key Vault provider in the code). A key no environment provides
/// is not this rule's business (it may come from the platform).
/// </summary>
public sealed class KeyMissingInOneEnvironmentRule : ICodeRule
{
    public string Id => "CG1007";

    public void Analyze(CodeConfigContext context, FindingSink sink)
    {
        var deployed = context.Environments.Where(e => e.IsDeployed).ToList();
        if (deployed.Count < 2) return;
        foreach (var read in context.Code.Reads)
        {
            if (read.Requirement != ConfigKeyRequirement.Required) continue;
            var judged = read.Kind == ConfigKeyReadKind.EnvironmentVariable ? deployed.Where(e => e.SetsVariables).ToList() : deployed;
            var provider = judged.Select(e => (Env: e, Key: e.Find(read))).FirstOrDefault(p => p.Key is not null);
            if (provider.Key is null) continue;
            foreach (var missing in judged)
            {
                if (missing.Find(read) is not null || missing.MayProvideUnseen(read)) continue;
                var what = read.Kind == ConfigKeyReadKind.EnvironmentVariable ? "The variable " + read.Key : read.Key;
                var via = read.Via is null ? "" : $" (bound to {read.Via})";
                sink.Report(Id, read.Path, read.Span, read.Key, missing.Name,
                    $"{what} is read here without a default{via}; {provider.Env.Name} provides it ({Where(provider.Key)}) " +
                    $"but {missing.Name} does not ({missing.Describe()}): set it for {missing.Name} or give the read a default",
                    read.Key + "|" + missing.Name, null,
                    new[] { new RelatedLocation(provider.Key.Path, provider.Key.Span, $"{provider.Env.Name} provides {read.Key} here") });
            }
        }
    }

    private static string Where(ProvidedKey k) =>
        k.How == RepoPath.FileName(k.Path) ? $"{k.Path}:{k.Span.StartLine}" : $"{k.How}, {k.Path}:{k.Span.StartLine}";

    /// <summary>Production missing the key is an error; any other deployed environment, a warning.</summary>
    public static Severity SeverityFor(EnvironmentClass missing) => missing == EnvironmentClass.Production ? Severity.Error : Severity.Warning;
}
