using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0004: a declared environment (APP_ENV=production) contradicts the environment the file configures (.env.staging).</summary>
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
            var declared = sink.Pack.Environments.ClassifyValue(e.Value);
            if (declared == EnvironmentClass.Unknown || declared == view.Class) continue;
            // development and local overrides of it are the same class; test vs development is a real contradiction.
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key}={e.Value.Trim()} declares {declared.ToName()}, but this config is for {view.Describe(e)} ({view.Primary.Environment.Reason})",
                e.Value.Trim(), e.Value.Trim());
        }
    }
}
