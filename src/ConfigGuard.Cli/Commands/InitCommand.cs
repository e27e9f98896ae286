using System.CommandLine;
using System.Text;
using ConfigGuard.Cli.Gating;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Scanning.Discovery;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Cli.Commands;

/// <summary>
/// `configguard init`: writes a commented configguard.yaml inferred from the repository (the environments found and
/// the production hosts seen in production files), then offers the pre-commit hook (asks only on a terminal).
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "Repository folder (default: the current folder)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing configguard.yaml" };
        var hook = new Option<bool>("--install-hook") { Description = "Also install the git pre-commit hook, without asking" };
        var cmd = new Command("init", "Write a commented configguard.yaml inferred from this repository") { path, force, hook };
        cmd.SetAction(parse =>
        {
            var start = Path.GetFullPath(parse.GetValue(path) ?? ".");
            if (!Directory.Exists(start)) throw new UsageException($"configguard: path not found: {start}");
            var root = GitRepository.FindRoot(start) ?? start;
            var target = Path.Combine(root, "configguard.yaml");
            if (File.Exists(target) && !parse.GetValue(force))
                throw new UsageException($"configguard: {target} already exists; rerun with --force to overwrite it");
            // Infer without the existing settings, so --force starts from what the files say.
            var session = ScanSession.Open(new[] { root }, null, withoutSettings: true);
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes);
            var hosts = ProductionHostProposal.From(outcome.Result.Files, session.Pack);
            WriteReplacing(target, Render(outcome, hosts));
            Console.WriteLine($"configguard: wrote {target}");
            foreach (var h in hosts)
                Console.WriteLine(h.Proposed
                    ? $"configguard: production host {h.Host} (seen at {h.SeenAt}): listed under production: hosts:"
                    : $"configguard: production host {h.Host} (seen at {h.SeenAt}) left out: {h.LeftOutBecause}");

            if (GitRepository.FindRoot(root) is null) return 0;
            var hookFile = Path.Combine(PreCommitHook.HooksDirectory(root), "pre-commit");
            if (PreCommitHook.IsOurs(hookFile)) return 0;
            bool install = parse.GetValue(hook);
            if (!install && !Console.IsInputRedirected && !Console.IsOutputRedirected)
            {
                Console.Write("Install the git pre-commit hook (runs `configguard check --staged` before each commit)? [y/N] ");
                install = (Console.ReadLine() ?? "").Trim().StartsWith("y", StringComparison.OrdinalIgnoreCase);
            }
            if (!install)
            {
                Console.WriteLine("configguard: to check every commit, run: configguard hook install");
                return 0;
            }
            var (code, message) = PreCommitHook.Install(root, force: false);
            (code == 0 ? Console.Out : Console.Error).WriteLine(message);
            return code;
        });
        return cmd;
    }

    /// <summary>
    /// Writes beside the target under a random name with an exclusive create (never an existing file, never through a
    /// planted symbolic link), then renames it over the target: a symbolic link at the target is replaced, not followed.
    /// </summary>
    internal static void WriteReplacing(string target, string text)
    {
        var dir = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(text);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    internal static string Render(ScanOutcome outcome, IReadOnlyList<HostChoice> hostChoices)
    {
        var files = outcome.Result.Files;
        var sb = new StringBuilder();
        sb.Append("# configguard.yaml, written by `configguard init` from what it found in this repository.\n");
        sb.Append("# Every section is optional; `configguard envs` shows which environment each file configures and why.\n#\n");
        sb.Append("# Environments found:\n");
        var byEnv = files.GroupBy(f => f.Environment.Class).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).ToList();
        if (byEnv.Count == 0) sb.Append("#   (no config files yet)\n");
        foreach (var g in byEnv)
        {
            var names = g.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var shown = string.Join(", ", names.Take(6)) + (names.Count > 6 ? $", and {names.Count - 6} more" : "");
            sb.Append($"#   {g.Key.ToName()}: {shown}\n");
        }
        sb.Append("#\n# Files named or placed unconventionally can be assigned with path globs:\n");
        sb.Append("# environments:\n#   staging: [\"deploy/stg/**\"]\n#   production: [\"deploy/prd/**\"]\n\n");

        var hosts = hostChoices.Where(h => h.Proposed).ToList();
        var leftOut = hostChoices.Where(h => !h.Proposed).ToList();
        sb.Append("# Production hosts: a non-production file that points at one of these is CG0002.\n");
        sb.Append("# Proposed: hosts only production's config uses. Left out: provider hosts many projects share, and hosts\n");
        sb.Append("# another environment's config uses too (CG0005 and CG0002 still compare those values with production's).\n");
        foreach (var h in leftOut) sb.Append($"#   left out {h.Host} (seen at {h.SeenAt}): {h.LeftOutBecause}\n");
        if (hosts.Count == 0)
        {
            sb.Append("# (none of production's own seen)\n# production:\n#   hosts: [db.example.com]\n#   domains: [example.com]\n");
        }
        else
        {
            sb.Append("production:\n  hosts:\n");
            foreach (var h in hosts) sb.Append($"    - {h.Host}    # seen at {h.SeenAt}\n");
        }
        sb.Append("\n# Severity per rule (the same keys .editorconfig accepts as dotnet_diagnostic.CGxxxx.severity):\n");
        sb.Append("# rules:\n#   CG0007: error\n#   CG0003: none\n\n");
        sb.Append("# Paths never scanned:\n# exclude: [\"test/fixtures/**\"]\n");
        return sb.ToString();
    }
}
