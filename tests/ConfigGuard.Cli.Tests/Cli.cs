using System.Diagnostics;
using System.Text;

namespace ConfigGuard.Cli.Tests;

/// <summary>Runs the real CLI binary in a separate process and captures what it prints.</summary>
internal static class Cli
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "configguard.dll");

    /// <summary>
    /// CONFIGGUARD_CLI names another build of the CLI to run instead of this folder's configguard.dll: `.ci/run` points
    /// it at the self-contained, trimmed, composite ReadyToRun build that the tool package ships, and runs these tests again.
    /// </summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("CONFIGGUARD_CLI") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(string workingDirectory, params string[] args) => RunWithEnvironment(workingDirectory, null, args);

    public static Result RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(Executable ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (Executable is null) psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException("configguard did not finish in 120 s: " + string.Join(' ', args));
        }
        return new Result(p.ExitCode, stdout, stderr.Result);
    }
}

/// <summary>A temporary folder that deletes itself; files are written with exact bytes.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main" }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(' ', args) + ": " + p.StandardError.ReadToEnd());
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal static class Fake
{
    // Built at run time so that no key-shaped literal sits in the test source.
    public static string StripeLive => "sk_" + "live_" + "51HxExampleOnlyNotARealKeyQ3xZ";
    public static string StripeTest => "sk_" + "test_" + "51HxExampleOnlyNotARealKeyT3st";
}
