using System.Text.RegularExpressions;
using ConfigGuard.Tests;

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
        var r = ProcessRunner.Run(workingDirectory, "dotnet", args,
            new Dictionary<string, string> { ["DOTNET_CLI_UI_LANGUAGE"] = "en", ["MSBUILDDISABLENODEREUSE"] = "1", ["TERM"] = "dumb" },
            // `dotnet test` runs us with MSBuild's own variables set; a child build must find its SDK by itself.
            unsetEnvironment: key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase));
        return new DotNetRun(r.ExitCode, r.Stdout + r.Stderr, r.Elapsed);
    }

    /// <summary>`dotnet build` as a user runs it, with output one can parse (no terminal logger, no summary repeat).</summary>
    public static DotNetRun Build(string projectDir, params string[] extra) =>
        Run(projectDir, new[] { "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary" }.Concat(extra).ToArray());
}
