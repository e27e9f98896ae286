using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0009: a local override file (.env.local, .env.staging.local) is tracked by git or not covered by .gitignore.</summary>
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
        var name = RepoPath.FileName(file.Path);
        sink.Report(Id, file.Path, new SourceSpan(0, 0, 1, 1, 1, 1), null, file.Environment.Name,
            $"{name} is a local secret file and {problem}", file.Path, null);
    }
}
