using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0007: a debug or unsafe switch is on in production (DEBUG=true, DetailedErrors, LOG_LEVEL=debug, Swagger, TLS checks off).</summary>
public sealed class DebugSwitchInProductionRule : IViewRule
{
    public string Id => "CG0007";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (view.Class != EnvironmentClass.Production) return;
        foreach (var e in view.Entries)
        {
            var value = e.Value.Trim();
            foreach (var sw in sink.Pack.Keys.DebugSwitches)
            {
                if (!sw.OnValues.Contains(value) || !sw.Keys.Matches(e.NormalizedKey)) continue;
                sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                    $"{e.Key}={value} is on in {view.Reach(e)}; turn it off for production",
                    value, value);
                break;
            }
        }
    }
}
