using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0004: a declared environment (APP_ENV=production) contradicts the environment the file configures (.env.staging),
/// where one of the two is deployed (staging or production); development against test is not reported.
/// A declaration a dotenv file inherits from the base <c>.env</c> is not reported when the base says that this very key
/// selects the environment file (a comment naming <c>.env.$APP_ENV</c>, as Symfony's .env does): that file is loaded only
/// when the real variable already names its environment, and the real variable wins over the base's default
/// (APP_ENV=dev in .env). Without that, a base default that reaches a deployed file (compose's env_file: [.env,
/// .env.production]) is in effect there and is reported.
/// </summary>
public sealed class ContradictingEnvironmentDeclarationRule : IViewRule
{
    public string Id => "CG0004";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (view.Class is EnvironmentClass.Template or EnvironmentClass.Unknown or EnvironmentClass.Base) return;
        if (view.Primary.Environment.Source == AssignmentSource.DeclaredKey) return;
        foreach (var e in view.Entries)
        {
            if (!ValueFacts.IsDeclaration(e, sink.Pack) || ValueFacts.IsReference(e.Value)) continue;
            if (IsCascadeDefault(e, view)) continue;
            var declared = sink.Pack.Environments.ClassifyValue(e.Value);
            if (declared == EnvironmentClass.Unknown || declared == view.Class) continue;
            // Development and test are both runs on a machine or a CI runner (APP_ENV=local in .env.testing is a team's
            // own word for a test run): a contradiction matters when one side is deployed (staging or production).
            if (!declared.IsDeployable() && !view.Class.IsDeployable()) continue;
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key}={e.Value.Trim()} declares {declared.ToName()}, but this config is for {view.Describe(e)} ({view.Primary.Environment.Reason})",
                e.Value.Trim(), e.Value.Trim());
        }
    }

    private static bool IsCascadeDefault(EffectiveEntry e, EnvironmentView view)
    {
        if (ReferenceEquals(e.File, view.Primary) || e.File.Format != Model.ConfigFormat.DotEnv || view.Primary.Format != Model.ConfigFormat.DotEnv
            || e.File.Environment.Class != EnvironmentClass.Base) return false;
        var key = e.Key.Trim();
        foreach (var c in e.File.Parsed.Comments)
        {
            if (c.Text.IndexOf(".env.$" + key, System.StringComparison.OrdinalIgnoreCase) >= 0
                || c.Text.IndexOf(".env.${" + key + "}", System.StringComparison.OrdinalIgnoreCase) >= 0
                || c.Text.IndexOf(".env.<" + key + ">", System.StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }
        return false;
    }
}
