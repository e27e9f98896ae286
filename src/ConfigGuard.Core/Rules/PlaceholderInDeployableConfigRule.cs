using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0008: a staging or production file still holds a placeholder the app would silently use (changeme, xxx, TODO,
/// &lt;generate_with: ...&gt;, API_KEY=secret). Left alone: substitution slots a deployment step replaces (&lt;KEY&gt;,
/// PRODUCTION_URL: one left over fails loudly), references, and placeholders in a base file (appsettings.json, .env,
/// kustomize base): there they document a setting each deployment supplies, and an environment file that keeps one is
/// reported where it does.
/// </summary>
public sealed class PlaceholderInDeployableConfigRule : IViewRule
{
    public string Id => "CG0008";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (!view.Class.IsDeployable()) return;
        foreach (var e in view.Entries)
        {
            if (e.Inherited || view.IsImplicit || e.File.Environment.Class == EnvironmentClass.Base) continue;
            if (!sink.Pack.Keys.IsFiller(e.NormalizedKey, e.Value) && !IsFillerKey(e, sink)) continue;
            sink.Report(Id, e.File.Path, e.Entry.ValueSpan, e.Key, view.Name,
                $"{e.Key} is still a placeholder ({sink.DisplayValue(e)}) in {view.Describe(e)}; set the real value or leave the key to the deployment",
                e.Value.Trim(), sink.DisplayValue(e));
        }
    }

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
