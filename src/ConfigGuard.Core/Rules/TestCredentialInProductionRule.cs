using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0006: production uses a test-mode credential (sk_test_), a sandbox / non-production endpoint, a provider's test
/// mode (PAYPAL_MODE=sandbox, STRIPE_TEST_MODE=true, NETWORK=sepolia: rules/endpoints.yaml modeSwitches), or a
/// developer's endpoint (LocalDB, SQLEXPRESS, host.docker.internal, a localhost CORS origin: <see cref="LocalEndpointInProduction"/>).
/// Mode switches and local endpoints are not judged in an implicit production (appsettings.json alone, in a project
/// with no Production file): there the base is as likely the developer's defaults.
/// </summary>
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
            if (!view.IsImplicit)
            {
                if (sink.Pack.Endpoints.ClassifySwitch(e.NormalizedKey, e.Value) is { Mode: CredentialMode.Test } sw)
                {
                    sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                        $"{e.Key}={e.Value.Trim()} runs {sw.Switch.Provider} in its test mode in {view.Reach(e)}; production needs the live mode",
                        e.Value.Trim(), sink.DisplayValue(e));
                    continue;
                }
                bool local = false;
                foreach (var l in LocalEndpointInProduction.Find(e, sink))
                {
                    local = true;
                    sink.Report(Id, e.File.Path, FindingSink.SubSpan(e.Entry, l.Index, l.Length), e.Key, view.Name,
                        $"{e.Key} points {view.Reach(e)} at '{l.Text}', {l.Why}; give production its own server",
                        l.Text, sink.DisplayValue(e));
                }
                if (local) continue;
            }
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
