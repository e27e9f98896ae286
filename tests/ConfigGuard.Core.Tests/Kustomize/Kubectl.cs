using ConfigGuard.Tests;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>`kubectl kustomize` as the oracle: run it on a folder, or on files written to a fresh temporary folder.</summary>
internal static class Kubectl
{
    public sealed record Result(bool Builds, string Output, string Error);

    /// <summary>Renders <paramref name="dir"/>; requires kubectl on PATH (see <see cref="TestMachine.Kubectl"/>).</summary>
    public static Result Kustomize(string dir)
    {
        var kubectl = TestMachine.Kubectl ?? throw new InvalidOperationException("kubectl is not on PATH");
        var r = ProcessRunner.Run(Directory.GetCurrentDirectory(), kubectl, new[] { "kustomize", dir }, timeout: TimeSpan.FromSeconds(60));
        return new Result(r.ExitCode == 0, r.Stdout, r.Stderr);
    }

    /// <summary>Writes the files (repository-relative paths) under a new temporary folder, renders <paramref name="root"/>, deletes the folder.</summary>
    public static Result Kustomize(IReadOnlyDictionary<string, string> files, string root)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cg-kust-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            return Kustomize(Path.Combine(dir, root));
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
