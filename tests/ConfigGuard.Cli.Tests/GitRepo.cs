using ConfigGuard.Tests;

namespace ConfigGuard.Cli.Tests;

/// <summary>git in a temporary repository, with its exit code and output (TempDir.Git throws instead).</summary>
internal static class GitRepo
{
    public static TempDir Init()
    {
        var tmp = new TempDir();
        tmp.Git("init", "-q");
        tmp.Git("config", "user.email", "t@example.com");
        tmp.Git("config", "user.name", "t");
        tmp.Git("config", "commit.gpgsign", "false");
        return tmp;
    }

    public static ProcessResult GitRun(this TempDir dir, string[] args, IDictionary<string, string>? env = null) => ProcessRunner.Run(dir.Path, "git", args, env);

    /// <summary>`git commit -q -m msg` through git itself, so hooks run.</summary>
    public static ProcessResult Commit(this TempDir dir, string message, IDictionary<string, string>? env = null) =>
        ProcessRunner.Run(dir.Path, "git", new[] { "commit", "-q", "-m", message }, env);

    /// <summary>Writes <paramref name="text"/> as a blob and stages it at <paramref name="path"/> without touching the working tree (what `git add -p` does).</summary>
    public static void StageContent(this TempDir dir, string path, string text)
    {
        var hash = ProcessRunner.Run(dir.Path, "git", new[] { "hash-object", "-w", "--stdin" }, stdin: text).Stdout.Trim();
        dir.Git("update-index", "--add", "--cacheinfo", $"100644,{hash},{path}");
    }
}
