using System.Collections.Generic;
using ConfigGuard.Core.Rules;

namespace ConfigGuard.Core.Engine;

/// <summary>The built-in config rules, one class each.</summary>
public static class RuleSet
{
    public static IReadOnlyList<IFileRule> FileRules { get; } = new IFileRule[]
    {
        new UnignoredLocalSecretFileRule(),
        new UnparseableFileRule(),
        new KustomizeBuildFailureRule(),
        new CommittedCredentialRule(),
        new IneffectiveSettingRule(),
    };

    public static IReadOnlyList<IViewRule> ViewRules { get; } = new IViewRule[]
    {
        new LiveCredentialInNonProductionRule(),
        new ProductionEndpointInNonProductionRule(),
        new MissingEnvironmentDeclarationRule(),
        new ContradictingEnvironmentDeclarationRule(),
        new TestCredentialInProductionRule(),
        new DebugSwitchInProductionRule(),
        new PlaceholderInDeployableConfigRule(),
        new WeakSecretRule(),
        new KustomizeOverlayAimedElsewhereRule(),
    };

    /// <summary>Rules over a staging view and the production view it pairs with, run after the view rules.</summary>
    public static IReadOnlyList<IPairRule> PairRules { get; } = new IPairRule[]
    {
        new SharedResourceRule(),
        new ProductionEndpointInNonProductionRule(),
        new SharedMutableImageTagRule(),
        new KustomizeOverlaysCollideRule(),
    };

    /// <summary>Rules comparing the keys the C# reads with what each environment provides (run by <see cref="AnalysisEngine.AnalyzeCode"/>).</summary>
    public static IReadOnlyList<ICodeRule> CodeRules { get; } = new ICodeRule[]
    {
        new KeyMissingInOneEnvironmentRule(),
        new ConfigKeyTypoRule(),
        new AspNetCoreRunsAsProductionRule(),
    };
}
