using System.CommandLine;
using ConfigGuard.Cli.Gating;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Commands;

/// <summary>`configguard hook install|uninstall`: a git pre-commit hook that runs `configguard check --staged`.</summary>
internal static class HookCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Keep an existing foreign hook as pre-commit.configguard-previous and run it before configguard" };
        var install = new Command("install", "Write the git pre-commit hook (honours core.hooksPath)") { force };
        install.SetAction(parse => Report(PreCommitHook.Install(RequireRoot(), parse.GetValue(force))));
        var uninstall = new Command("uninstall", "Remove the pre-commit hook configguard wrote (and restore a chained one)");
        uninstall.SetAction(_ => Report(PreCommitHook.Uninstall(RequireRoot())));
        return new Command("hook", "Manage the git pre-commit hook") { install, uninstall };
    }

    private static string RequireRoot() =>
        GitRepository.FindRoot(Directory.GetCurrentDirectory())
        ?? throw new UsageException("configguard: not inside a git repository (run 'git init' first)");

    private static int Report((int Code, string Message) r)
    {
        (r.Code == 0 ? Console.Out : Console.Error).WriteLine(r.Message);
        return r.Code;
    }
}
