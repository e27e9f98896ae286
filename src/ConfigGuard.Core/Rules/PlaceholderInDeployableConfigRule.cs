using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0008: a staging or production value is still a placeholder (changeme, xxx, TODO, &lt;generate_with: ...&gt;).</summary>
public sealed class PlaceholderInDeployableConfigRule : IViewRule
{
    public string Id => "CG0008";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable()) return;
        foreach (var e in view.Entries)
        {
            if (!sink.Pack.Keys.IsPlaceholder(e.Value) && !IsFillerKey(e, sink)) continue;
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key} is still a placeholder ({sink.DisplayValue(e)}) in {view.Describe(e)}; set the real value or leave the key to the deployment",
                e.Value.Trim(), sink.DisplayValue(e));
        }
    }

    // sk_test_xxxxxxxxxxxx: a catalog-shaped key whose body is filler.
    private static bool IsFillerKey(EffectiveEntry e, FindingSink sink)
    {
        foreach (var m in sink.CredentialsIn(e.Entry))
        {
            if (ValueFacts.IsFiller(m) && m.Length == e.Value.Trim().Length) return true;
        }
        return false;
    }
}
