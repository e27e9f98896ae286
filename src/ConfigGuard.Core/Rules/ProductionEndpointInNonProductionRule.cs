using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0002: a non-production config points at a production host, database or bucket, or switches a provider to its
/// live system (PAYPAL_MODE=live, STRIPE_LIVE_MODE=true: rules/endpoints.yaml modeSwitches): the switch picks the live
/// endpoint the SDK calls, a production endpoint by another name. View half: the endpoint's own name, the switch or
/// configguard.yaml says production; the pair half (ProductionEndpointInNonProductionRule.Pair.cs) finds the very
/// value production uses.
/// Not evidence of production: a production word in the domain of the cluster the environment itself is hosted on
/// (<see cref="HostingDomains"/>), and monitoring services (<see cref="ValueFacts.IsMonitoring"/>), which one stack
/// runs for every environment.
/// </summary>
public sealed partial class ProductionEndpointInNonProductionRule : IViewRule
{
    public string Id => "CG0002";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsNonProduction() || view.Class == EnvironmentClass.Template) return;
        HostingDomains? hosting = null;
        foreach (var e in view.Entries)
        {
            if (ValueFacts.IsDeclaration(e, sink.Pack)) continue;
            // A placeholder points nowhere and switches nothing. Asked last, of a value that would otherwise be reported:
            // the check (a dozen whole-value patterns) cost more than the rest of this rule, and most values are neither.
            bool? placeholder = null;
            if (sink.Pack.Endpoints.ClassifySwitch(e.NormalizedKey, e.Value) is { Mode: Catalog.CredentialMode.Live } sw)
            {
                if (IsPlaceholder(ref placeholder, e, sink)) continue;
                sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                    $"{e.Key}={e.Value.Trim()} switches {sw.Switch.Provider} to its live system in {view.Describe(e)}; use the provider's test mode in {view.Name}",
                    e.Value.Trim(), sink.DisplayValue(e));
                continue;
            }
            foreach (var part in sink.EndpointsIn(e))
            {
                var reason = sink.Evidence.ProductionReason(part);
                if (reason is null) continue;
                if (IsPlaceholder(ref placeholder, e, sink)) break;
                if (part.Kind == EndpointPartKind.Host && ValueFacts.IsMonitoring(e.Key, part.Text, sink.Pack)) continue;
                if (part.Kind == EndpointPartKind.Host && IsHostingWord(part, reason, hosting ??= Hosting(view, sink), sink)) continue;
                sink.Report(Id, e.File.Path, FindingSink.SubSpan(e.Entry, part.Index, part.Length), e.Key, view.Name,
                    $"{e.Key} points {view.Describe(e)} at the production {part.KindName} '{part.Text}' ({reason}); give {view.Name} its own {part.KindName}",
                    part.Text, sink.DisplayValue(e));
            }
        }
    }

    private static bool IsPlaceholder(ref bool? known, EffectiveEntry e, FindingSink sink) =>
        known ??= sink.Pack.Keys.IsPlaceholder(e.NormalizedKey, e.Value);

    private static HostingDomains Hosting(EnvironmentView view, FindingSink sink)
    {
        var hosts = new System.Collections.Generic.List<string>();
        foreach (var e in view.Entries)
        {
            foreach (var part in sink.EndpointsIn(e))
            {
                if (part.Kind == EndpointPartKind.Host && HostFacts.IsRemoteName(part.Text)) hosts.Add(part.Text);
            }
        }
        return new HostingDomains(hosts, sink.Pack.Environments.ProductionTokens, sink.Pack.Environments.NonProductionTokens);
    }

    // The production word is in the hosting cluster's domain and nothing left of it says production.
    private static bool IsHostingWord(EndpointPart part, string reason, HostingDomains hosting, FindingSink sink)
    {
        if (!reason.StartsWith("its name says", System.StringComparison.Ordinal)) return false; // configguard.yaml or a provider's live host
        if (hosting.LabelsLeftOfHosting(part.Text) is not { } left) return false;
        return sink.Evidence.ProductionReason(new EndpointPart(EndpointPartKind.Database, left, part.Index)) is null;
    }
}
