using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>Runs the engine over in-memory files, as the CLI would after reading them.</summary>
internal static class Scan
{
    public static IReadOnlyList<Finding> Files(params (string Path, string Text)[] files) => Files(null, files);

    public static IReadOnlyList<Finding> Files(string? settingsYaml, params (string Path, string Text)[] files)
    {
        var settings = settingsYaml is null ? ConfigGuardSettings.Empty : SettingsParser.Parse(settingsYaml, RulePack.Default);
        var engine = new AnalysisEngine(RulePack.Default, settings);
        return engine.Analyze(files.Select(f => new SourceFile(f.Path, f.Text)).ToList()).Findings;
    }

    public static IReadOnlyList<Finding> Rule(string id, params (string Path, string Text)[] files) =>
        Files(files).Where(f => f.RuleId == id).ToList();

    /// <summary>A fake but catalog-shaped Stripe key (built at run time so the source holds no key-shaped literal).</summary>
    public static string StripeLive(string tail = "Q3xZ") => "sk_" + "live_" + "51HxExampleOnlyNotARealKey" + tail;
    public static string StripeTest(string tail = "T3st") => "sk_" + "test_" + "51HxExampleOnlyNotARealKey" + tail;
}
