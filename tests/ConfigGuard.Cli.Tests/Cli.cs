using System.Text;
using ConfigGuard.Tests;

namespace ConfigGuard.Cli.Tests;

/// <summary>Runs the real CLI binary in a separate process and captures what it prints.</summary>
internal static class Cli
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "configguard.dll");

    /// <summary>
    /// CONFIGGUARD_CLI names another build of the CLI to run instead of this folder's configguard.dll: `.ci/run` points
    /// it at the native AOT build that the linux-x64 tool package ships, and runs these tests again.
    /// </summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("CONFIGGUARD_CLI") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    public static ProcessResult Run(string workingDirectory, params string[] args) => RunWithEnvironment(workingDirectory, null, args);

    public static ProcessResult RunWithEnvironment(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        ProcessRunner.Run(workingDirectory, Executable ?? "dotnet", Executable is null ? args.Prepend(Dll) : args, environment,
            timeout: TimeSpan.FromSeconds(120));
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
        var r = ProcessRunner.Run(Path, "git", new[] { "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main" }.Concat(args));
        if (r.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(' ', args) + ": " + r.Stderr);
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
