using System.Linq;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0003: a deployable .env config (staging or production) sets no environment-declaring key, neither itself nor
/// through its base. appsettings files are exempt: ASP.NET Core takes the environment from ASPNETCORE_ENVIRONMENT,
/// outside the file, and the file name already is the declaration.
/// </summary>
public sealed class MissingEnvironmentDeclarationRule : IViewRule
{
    public string Id => "CG0003";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable() || view.Primary.Format == ConfigFormat.AppSettingsJson || view.Primary.Environment.IsLocalOverride) return;
        if (view.Entries.Any(e => ValueFacts.IsDeclaration(e, sink.Pack))) return;
        var name = ConfigFileKind.FileName(view.Primary.Path);
        sink.Report(Id, view.Primary.Path, new SourceSpan(0, 0, 1, 1, 1, 1), null, view.Name,
            $"{name} configures {view.Name} but declares no environment; add APP_ENV={view.Name} (or ENVIRONMENT, ASPNETCORE_ENVIRONMENT, SENTRY_ENVIRONMENT)",
            view.Primary.Path, null);
    }
}
