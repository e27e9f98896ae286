using System.Diagnostics;
using ConfigGuard.Tests;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>`kubectl kustomize` as the oracle: run it on a folder, or on files written to a fresh temporary folder.</summary>
internal static class Kubectl
{
    public sealed record Result(bool Builds, string Output, string Error);

    /// <summary>Renders <paramref name="dir"/>; requires kubectl on PATH (see <see cref="TestMachine.Kubectl"/>).</summary>
    public static Result Kustomize(string dir)
    {
        var psi = new ProcessStartInfo(TestMachine.Kubectl ?? throw new InvalidOperationException("kubectl is not on PATH"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add("kustomize");
        psi.ArgumentList.Add(dir);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException("kubectl kustomize " + dir); }
        return new Result(p.ExitCode == 0, output, err.Result);
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
