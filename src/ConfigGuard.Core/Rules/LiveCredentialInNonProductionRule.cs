using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0001: a live-mode credential in a staging, development, test or template config (or a base value reaching one).</summary>
public sealed class LiveCredentialInNonProductionRule : IViewRule
{
    public string Id => "CG0001";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsNonProduction()) return;
        foreach (var e in view.Entries)
        {
            foreach (var m in sink.CredentialsIn(e.Entry))
            {
                if (m.Pattern.Mode != CredentialMode.Live || m.IsFiller) continue;
                var kind = m.Pattern.IsPublic ? "live publishable key" : "live secret key";
                sink.Report(Id, e.File.Path, FindingSink.SubSpan(e.Entry, m.Index, m.Length), e.Key, view.Name,
                    $"{e.Key} holds a {m.Pattern.Provider} {kind} ({m.Redacted}) in {view.Describe(e)}, a non-production environment; use the provider's test-mode key",
                    m.Value, m.Redacted, secret: m.Value);
            }
        }
    }
}
