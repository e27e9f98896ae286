using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0006: production uses a test-mode credential (sk_test_) or a sandbox / non-production endpoint.</summary>
public sealed class TestCredentialInProductionRule : IViewRule
{
    public string Id => "CG0006";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (view.Class != EnvironmentClass.Production) return;
        foreach (var e in view.Entries)
        {
            foreach (var m in sink.CredentialsIn(e.Entry))
            {
                if (m.Pattern.Mode != CredentialMode.Test || m.IsFiller) continue;
                sink.Report(Id, e.File.Path, FindingSink.SubSpan(e.Entry, m.Index, m.Length), e.Key, view.Name,
                    $"{e.Key} holds a {m.Pattern.Provider} test-mode key ({m.Redacted}) in {view.Describe(e)}; production needs the live key",
                    m.Value, m.Redacted, secret: m.Value);
            }
            if (ValueFacts.IsDeclaration(e, sink.Pack)) continue;
            foreach (var part in sink.EndpointsIn(e))
            {
                var reason = sink.Evidence.NonProductionReason(part);
                if (reason is null) continue;
                sink.Report(Id, e.File.Path, FindingSink.SubSpan(e.Entry, part.Index, part.Length), e.Key, view.Name,
                    $"{e.Key} points {view.Describe(e)} at the non-production {part.KindName} '{part.Text}' ({reason})",
                    part.Text, sink.DisplayValue(e));
            }
        }
    }
}
