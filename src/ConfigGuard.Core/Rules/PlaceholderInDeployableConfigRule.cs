using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0008: a staging or production file still holds a placeholder the app would silently use (changeme, xxx, TODO,
/// &lt;generate_with: ...&gt;, API_KEY=secret). Left alone: substitution slots a deployment step replaces (&lt;KEY&gt;,
/// PRODUCTION_URL: one left over fails loudly), references, and placeholders in a base file (appsettings.json, .env,
/// kustomize base): there they document a setting each deployment supplies, and an environment file that keeps one is
/// reported where it does. One exception: an appsettings.json placeholder that an explicit production
/// (appsettings.Production.json) inherits without overriding it. ASP.NET Core layers the two files the same way on
/// every machine, and a production file that sets other keys but not this one ships the placeholder; the message says
/// it reaches production. Secrets are not counted there: "SECRET" or "****" under a password in a base is the
/// convention for a value the secret store or an environment variable supplies.
/// </summary>
public sealed class PlaceholderInDeployableConfigRule : IViewRule
{
    public string Id => "CG0008";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable()) return;
        foreach (var e in view.Entries)
        {
            if (view.IsImplicit) continue;
            if ((e.Inherited || e.File.Environment.Class == EnvironmentClass.Base) && !ReachesProduction(view, e, sink)) continue;
            if (!sink.Pack.Keys.IsFiller(e.NormalizedKey, e.Value) && !IsFillerKey(e, sink)) continue;
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key} is still a placeholder ({sink.DisplayValue(e)}) in {view.Reach(e)}; set the real value or leave the key to the deployment",
                e.Value.Trim(), sink.DisplayValue(e));
        }
    }

    // Secrets are left out: a base's "SECRET" or "****" under a password or key is the convention for "comes from the
    // secret store or an environment variable", which a Production file rightly does not repeat. So are <...> markers
    // in a base (<ClamAv api base url>): they say where the value comes from, the same convention for any key.
    private static bool ReachesProduction(EnvironmentView view, EffectiveEntry e, FindingSink sink) =>
        view.Class == EnvironmentClass.Production && e.Inherited && e.File.Environment.Class == EnvironmentClass.Base
        && e.File.Format == Model.ConfigFormat.AppSettingsJson && !e.File.Environment.IsLocalOverride
        && !sink.SecretKeys.Matches(e.NormalizedKey) && !sink.Pack.Keys.CommittedSecrets.IsSecretKey(e.NormalizedKey)
        && !e.Value.TrimStart().StartsWith("<", System.StringComparison.Ordinal);

    // sk_test_xxxxxxxxxxxx: a catalog-shaped key whose body is filler.
    // The trimmed length is taken once: trimming per match cost a copy of the value each time (quadratic on a long
    // line full of placeholders, bench/scaling.sh placeholder-line).
    private static bool IsFillerKey(EffectiveEntry e, FindingSink sink)
    {
        int trimmedLength = -1;
        foreach (var m in sink.CredentialsIn(e.Entry))
        {
            if (trimmedLength < 0) trimmedLength = TrimmedLength(e.Value);
            if (m.Length == trimmedLength && m.IsFiller) return true;
        }
        return false;
    }

    private static int TrimmedLength(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        return end - start;
    }
}
