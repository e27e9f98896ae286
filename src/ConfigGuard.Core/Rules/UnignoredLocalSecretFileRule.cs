using System;
using System.Linq;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0009: a local override file (.env.local, .env.staging.local) is tracked by git or not covered by .gitignore.
/// Not an override: a <c>.env.local</c> in a folder of standalone environment profiles (.env.qa, .env.prod, no .env and
/// no .env.&lt;env&gt; for it to override) is the platform's "local" profile, chosen by name like the others; it is
/// reported only when it holds a value under a secret key. Intent is not read otherwise: a repository that commits its
/// .local overrides on purpose (a demo) gets the finding and silences it (see docs/rules/CG0009.md).
/// </summary>
public sealed class UnignoredLocalSecretFileRule : IFileRule
{
    public string Id => "CG0009";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        if (!file.Environment.IsLocalOverride) return;
        string? problem = file.Facts.IsTracked == true ? "is tracked by git; run `git rm --cached` and add it to .gitignore"
            : file.Facts.IsIgnored == false ? "is not ignored by .gitignore; add `.env*.local` to .gitignore"
            : null;
        if (problem is null) return;
        if (IsStandaloneProfile(file, sink) && !HoldsSecret(file, sink)) return;
        var name = RepoPath.FileName(file.Path);
        sink.Report(Id, file.Path, new SourceSpan(0, 0, 1, 1, 1, 1), null, file.Environment.Name,
            $"{name} is a local secret file and {problem}", file.Path, null);
    }

    // Nothing for it to override (.env, or .env.staging for .env.staging.local) and two or more sibling profiles.
    private static bool IsStandaloneProfile(ConfigFile file, FindingSink sink)
    {
        var dir = RepoPath.Directory(file.Path);
        var name = RepoPath.FileName(file.Path);
        var overridden = name.Substring(0, name.Length - ".local".Length);
        int profiles = 0;
        foreach (var other in sink.Files)
        {
            if (ReferenceEquals(other, file) || other.Format != ConfigFormat.DotEnv || RepoPath.Directory(other.Path) != dir) continue;
            var otherName = RepoPath.FileName(other.Path);
            if (otherName.Equals(".env", StringComparison.OrdinalIgnoreCase) || otherName.Equals(overridden, StringComparison.OrdinalIgnoreCase)) return false;
            if (!other.Environment.IsLocalOverride && other.Environment.Class is not (EnvironmentClass.Unknown or EnvironmentClass.Template or EnvironmentClass.Base)) profiles++;
        }
        return profiles >= 2;
    }

    private static bool HoldsSecret(ConfigFile file, FindingSink sink) =>
        file.Parsed.Entries.Any(e => e.Value.Trim().Length > 0 && sink.SecretKeys.Matches(e.NormalizedKey));
}
