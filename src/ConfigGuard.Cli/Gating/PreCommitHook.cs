using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Gating;

/// <summary>
/// The git pre-commit hook `configguard hook install` writes. It is a POSIX sh script carrying a marker line, so
/// uninstall removes only its own hook; a foreign hook is kept (renamed to pre-commit.configguard-previous with
/// --force) and run first.
/// </summary>
internal static class PreCommitHook
{
    public const string Marker = "# configguard-hook: installed by `configguard hook install`";
    public const string PreviousName = "pre-commit.configguard-previous";

    /// <summary>The hooks folder git uses: `git rev-parse --git-path hooks` honours core.hooksPath and worktrees.</summary>
    public static string HooksDirectory(string root)
    {
        var (code, output, _) = GitRepository.Run(root, honourHooksPath: true, "rev-parse", "--git-path", "hooks");
        if (code != 0 || output.Trim().Length == 0) throw new UsageException("configguard: cannot ask git where its hooks live (git rev-parse --git-path hooks failed)");
        return Path.GetFullPath(Path.Combine(root, output.Trim()));
    }

    public static bool IsOurs(string hookFile) => File.Exists(hookFile) && File.ReadAllText(hookFile).Contains(Marker, StringComparison.Ordinal);

    /// <summary>The command that started this process, to fall back on when `configguard` is not on PATH.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Read only when the process is `dotnet configguard.dll` (the portable package); the native build is never run by the dotnet host.")]
    public static string CurrentCommand()
    {
        var process = Environment.ProcessPath ?? "configguard";
        var name = Path.GetFileNameWithoutExtension(process);
        if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var dll = typeof(PreCommitHook).Assembly.Location;
            return $"{Quote(process)} {Quote(dll)}";
        }
        return Quote(process);
    }

    public static string Script(string fallbackCommand, string fallbackPath) => $$"""
        #!/bin/sh
        {{Marker}}
        # Checks the staged config files (the content this commit records) with `configguard check --staged`.
        # Bypass once: git commit --no-verify. Remove: configguard hook uninstall.
        hook_dir=$(dirname "$0")
        if [ -x "$hook_dir/{{PreviousName}}" ]; then
          "$hook_dir/{{PreviousName}}" "$@" || exit $?
        fi
        if command -v configguard >/dev/null 2>&1; then
          exec configguard check --staged
        fi
        # Not on PATH: the command that installed this hook.
        if [ -e {{Quote(fallbackPath)}} ]; then
          exec {{fallbackCommand}} check --staged
        fi
        # A local tool (dotnet new tool-manifest && dotnet tool install ConfigGuard.Tool).
        if command -v dotnet >/dev/null 2>&1 && dotnet tool list --local 2>/dev/null | grep -qi configguard; then
          exec dotnet tool run configguard check --staged
        fi
        echo "configguard pre-commit hook: the configguard command was not found." >&2
        echo "  Install it: dotnet tool install --global ConfigGuard.Tool   (then make sure ~/.dotnet/tools is on PATH)" >&2
        echo "  or skip this check once: git commit --no-verify" >&2
        exit 1

        """.Replace("\r\n", "\n");

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Read only when the process is `dotnet configguard.dll` (the portable package); the native build is never run by the dotnet host.")]
    public static (int Code, string Message) Install(string root, bool force)
    {
        var dir = HooksDirectory(root);
        Directory.CreateDirectory(dir);
        var hook = Path.Combine(dir, "pre-commit");
        var previous = Path.Combine(dir, PreviousName);
        string note = "";
        if (File.Exists(hook) && !IsOurs(hook))
        {
            if (!force)
                return (2, $"configguard: {hook} already exists and was not written by configguard; rerun with --force to keep it as {PreviousName} and run it before configguard");
            if (File.Exists(previous))
                return (2, $"configguard: both {hook} and {previous} exist; move one of them away first");
            File.Move(hook, previous);
            note = $" (the existing hook now lives in {PreviousName} and runs first)";
        }
        var command = CurrentCommand();
        var fallbackPath = Environment.ProcessPath is { } pp && string.Equals(Path.GetFileNameWithoutExtension(pp), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? typeof(PreCommitHook).Assembly.Location
            : Environment.ProcessPath ?? "configguard";
        File.WriteAllText(hook, Script(command, fallbackPath));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return (0, $"configguard: installed {hook}{note}");
    }

    public static (int Code, string Message) Uninstall(string root)
    {
        var dir = HooksDirectory(root);
        var hook = Path.Combine(dir, "pre-commit");
        var previous = Path.Combine(dir, PreviousName);
        if (!File.Exists(hook)) return (0, "configguard: no pre-commit hook installed");
        if (!IsOurs(hook)) return (2, $"configguard: {hook} was not written by configguard; left as it is");
        File.Delete(hook);
        if (File.Exists(previous))
        {
            File.Move(previous, hook);
            return (0, $"configguard: removed the configguard hook and restored the previous one in {hook}");
        }
        return (0, $"configguard: removed {hook}");
    }
}
