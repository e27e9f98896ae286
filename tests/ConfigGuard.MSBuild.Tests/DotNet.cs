using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>The output of one `dotnet` command.</summary>
public sealed record DotNetRun(int ExitCode, string Output, TimeSpan Elapsed)
{
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<file>.+?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>error|warning|info) (?<id>[A-Z]+\d{4}): (?<msg>.*?)(?: \[[^\]]*\])?\s*$",
        RegexOptions.Multiline);

    /// <summary>
    /// Diagnostics of the given ID prefix as "relative/path(line,col): severity ID", distinct (MSBuild repeats them),
    /// sorted; paths relative to <paramref name="projectDir"/>.
    /// </summary>
    public List<string> Diagnostics(string projectDir, string idPrefix = "CG") =>
        Lines(projectDir, idPrefix).Select(l => l.Location).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();

    /// <summary>Whole lines ("path(line,col): severity ID: message"), distinct, paths relative to <paramref name="projectDir"/>.</summary>
    public List<string> FullLines(string projectDir, string idPrefix = "CG") =>
        Lines(projectDir, idPrefix).Select(l => l.Location + ": " + l.Message).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToList();

    private IEnumerable<(string Location, string Message)> Lines(string projectDir, string idPrefix)
    {
        foreach (Match m in DiagnosticLine.Matches(Output))
        {
            if (!m.Groups["id"].Value.StartsWith(idPrefix, StringComparison.Ordinal)) continue;
            var file = m.Groups["file"].Value.Replace('\\', '/');
            file = Path.GetRelativePath(projectDir, file).Replace('\\', '/');
            yield return ($"{file}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["sev"].Value} {m.Groups["id"].Value}", m.Groups["msg"].Value);
        }
    }
}

/// <summary>Runs the `dotnet` CLI in a clean environment (none of the test host's MSBuild variables leak in).</summary>
public static class DotNet
{
    public static DotNetRun Run(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // `dotnet test` runs us with MSBuild's own variables set; a child build must find its SDK by itself.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBuild", StringComparison.Ordinal)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["TERM"] = "dumb";

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} took over 5 minutes:\n{output}");
        }
        process.WaitForExit();
        return new DotNetRun(process.ExitCode, output.ToString(), watch.Elapsed);
    }

    /// <summary>`dotnet build` as a user runs it, with output one can parse (no terminal logger, no summary repeat).</summary>
    public static DotNetRun Build(string projectDir, params string[] extra) =>
        Run(projectDir, new[] { "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary" }.Concat(extra).ToArray());
}
