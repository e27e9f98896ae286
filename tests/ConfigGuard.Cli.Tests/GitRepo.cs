using System.Diagnostics;
using System.Text;

namespace ConfigGuard.Cli.Tests;

/// <summary>git and other processes in a temporary repository, with their exit code and output (TempDir.Git throws instead).</summary>
internal static class GitRepo
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static TempDir Init()
    {
        var tmp = new TempDir();
        tmp.Git("init", "-q");
        tmp.Git("config", "user.email", "t@example.com");
        tmp.Git("config", "user.name", "t");
        tmp.Git("config", "commit.gpgsign", "false");
        return tmp;
    }

    public static Result GitRun(this TempDir dir, string[] args, IDictionary<string, string>? env = null) => Exec(dir.Path, "git", args, env);

    /// <summary>`git commit -q -m msg` through git itself, so hooks run.</summary>
    public static Result Commit(this TempDir dir, string message, IDictionary<string, string>? env = null) =>
        Exec(dir.Path, "git", new[] { "commit", "-q", "-m", message }, env);

    /// <summary>Writes <paramref name="text"/> as a blob and stages it at <paramref name="path"/> without touching the working tree (what `git add -p` does).</summary>
    public static void StageContent(this TempDir dir, string path, string text)
    {
        var hash = Exec(dir.Path, "git", new[] { "hash-object", "-w", "--stdin" }, null, text).Stdout.Trim();
        dir.Git("update-index", "--add", "--cacheinfo", $"100644,{hash},{path}");
    }

    public static Result Exec(string cwd, string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? stdin = null, int timeoutMs = 300_000)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
