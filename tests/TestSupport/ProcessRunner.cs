using System.Diagnostics;
using System.Text;

namespace ConfigGuard.Tests;

/// <summary>What a child process did: its exit code, what it printed, and how long it took.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public string All => Stdout + Stderr;
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The one way tests run a child process (the CLI, git, kubectl, dotnet, bash, pre-commit ...): arguments passed one by
/// one (never through a shell string), UTF-8 output read on both pipes at once (so neither fills and blocks), stdin
/// given or closed (so nothing waits for a terminal), no colour or .NET banners, and a timeout that kills the whole tree.
/// </summary>
public static class ProcessRunner
{
    // A guard against hangs, not a speed test (speed is bench/'s job): `dotnet pack` of the tool (native AOT for
    // linux-x64, the portable build) takes about 1 minute on 2 quiet cores; the composite ReadyToRun pack it replaced
    // took 2 and went past 5 under a load average of 40.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(12);

    /// <param name="environment">Variables to set (over the test host's own).</param>
    /// <param name="unsetEnvironment">Names of the test host's variables to leave out (e.g. MSBuild's, for a child build).</param>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/> (it is killed; the message holds its output).</exception>
    public static ProcessResult Run(
        string workingDirectory,
        string file,
        IEnumerable<string> args,
        IDictionary<string, string>? environment = null,
        string? stdin = null,
        TimeSpan? timeout = null,
        Func<string, bool>? unsetEnvironment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (unsetEnvironment is not null)
        {
            foreach (var key in psi.Environment.Keys.Where(unsetEnvironment).ToList()) psi.Environment.Remove(key);
        }
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;

        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var limit = timeout ?? DefaultTimeout;
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {limit.TotalSeconds:F0} s:\n{stdout.Result}{stderr.Result}");
        }
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result, watch.Elapsed);
    }
}
