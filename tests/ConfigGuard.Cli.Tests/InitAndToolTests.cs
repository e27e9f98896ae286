using System.Runtime.InteropServices;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class InitAndToolTests
{
    [Fact]
    public void Init_writes_a_commented_config_from_the_repository_and_refuses_to_overwrite()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@db.prod.acme.io:5432/app\nREDIS_HOST=cache.prod.acme.io\nLOCAL=http://localhost:8080\n");
        repo.Write(".env.staging", "APP_ENV=staging\n");
        var r = Cli.Run(repo.Path, "init");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("configguard hook install", r.Stdout); // offered, not asked: stdin/stdout are not a terminal
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")));
        var yaml = File.ReadAllText(Path.Combine(repo.Path, "configguard.yaml"));
        Assert.Contains("#   production: .env.production", yaml);
        Assert.Contains("#   staging: .env.staging", yaml);
        Assert.Contains("production:\n  hosts:\n    - cache.prod.acme.io    # seen at .env.production:3\n    - db.prod.acme.io    # seen at .env.production:2\n", yaml);
        Assert.DoesNotContain("localhost", yaml.Split('\n').Where(l => !l.StartsWith('#')));

        // The written file is a valid configguard.yaml and its hosts take effect.
        repo.Write(".env.staging", "APP_ENV=staging\nCACHE=cache.prod.acme.io\n");
        var check = Cli.Run(repo.Path, "check");
        Assert.NotEqual(2, check.ExitCode);

        var again = Cli.Run(repo.Path, "init");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Stderr);
        var forced = Cli.Run(repo.Path, "init", "--force", "--install-hook");
        Assert.Equal(0, forced.ExitCode);
        Assert.True(File.Exists(Path.Combine(repo.Path, ".git", "hooks", "pre-commit")));
    }

    /// <summary>
    /// Init used to list every host production's config mentions; a Sentry ingest host serves staging's project too,
    /// so the first correct staging commit after init was a CG0002. Only production's own hosts are proposed now.
    /// </summary>
    [Fact]
    public void Init_proposes_only_production_s_own_hosts_and_says_what_it_left_out()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.production",
            "APP_ENV=production\nSENTRY_DSN=https://a1b2c3@o77.ingest.sentry.io/4401\nSENTRY_ENVIRONMENT=production\n" +
            "DATABASE_URL=postgres://app@db.tidepool-live.example:5432/app\nSTATUS_URL=https://status.tidepool.example\n");
        repo.Write(".env.staging",
            "APP_ENV=staging\nSENTRY_DSN=https://d4e5f6@o77.ingest.sentry.io/4402\nSENTRY_ENVIRONMENT=staging\n" +
            "DATABASE_URL=postgres://app@db.tidepool-stg.example:5432/app\n");
        Assert.Equal(0, Cli.Run(repo.Path, "check").ExitCode);

        var r = Cli.Run(repo.Path, "init");
        Assert.Equal(0, r.ExitCode);
        var yaml = File.ReadAllText(Path.Combine(repo.Path, "configguard.yaml"));
        var listed = yaml.Split('\n').Where(l => l.StartsWith("    - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "    - db.tidepool-live.example    # seen at .env.production:4", "    - status.tidepool.example    # seen at .env.production:5" }, listed);
        Assert.Contains("#   left out o77.ingest.sentry.io (seen at .env.production:2): a provider's multi-tenant host", yaml);
        Assert.Contains("production host db.tidepool-live.example (seen at .env.production:4): listed under production: hosts:", r.Stdout);
        Assert.Contains("production host o77.ingest.sentry.io (seen at .env.production:2) left out: a provider's multi-tenant host", r.Stdout);

        // The correct staging config still passes with the written configguard.yaml; pointing staging at production's own host does not.
        var after = Cli.Run(repo.Path, "check");
        Assert.True(after.ExitCode == 0, after.All);
        var staging = File.ReadAllText(Path.Combine(repo.Path, ".env.staging"));
        repo.Write(".env.staging", staging + "REPORTS_DB_HOST=db.tidepool-live.example\n");
        var wrong = Cli.Run(repo.Path, "check");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains(".env.staging:5:17: error CG0002:", wrong.Stdout);

        // A host another environment's config uses too is not production's own.
        repo.Write(".env.staging", staging);
        repo.Write(".env.development", "APP_ENV=development\nSTATUS_URL=https://status.tidepool.example\n");
        var again = Cli.Run(repo.Path, "init", "--force");
        Assert.Equal(0, again.ExitCode);
        yaml = File.ReadAllText(Path.Combine(repo.Path, "configguard.yaml"));
        Assert.Contains("#   left out status.tidepool.example (seen at .env.production:5): development uses it too (.env.development:2)", yaml);
        Assert.DoesNotContain("    - status.tidepool.example", yaml);
    }

    [Fact]
    public void Dotnet_pack_gives_platform_tool_packages_and_the_install_runs_the_fast_start_build()
    {
        using var tmp = new TempDir();
        var (pkg, version, pack) = PackCli(tmp, "pkg");
        // The package users install, the linux-x64 build it points to, and the portable fallback for other platforms.
        foreach (var id in new[] { "ConfigGuard.Tool", "ConfigGuard.Tool.linux-x64", "ConfigGuard.Tool.any" })
            Assert.True(File.Exists(Path.Combine(pkg, $"{id}.{version}.nupkg")), id + " missing:\n" + pack.All);

        var tools = Path.Combine(tmp.Path, "tools");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(tmp.Path, "nuget") };
        var install = ProcessRunner.Run(tmp.Path, "dotnet", new[] { "tool", "install", "--tool-path", tools, "ConfigGuard.Tool", "--add-source", pkg, "--version", version }, env);
        Assert.True(install.ExitCode == 0, install.All);

        var command = Path.Combine(tools, "configguard");
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            // What runs on the platform the pack ran on is the native AOT build: one executable with the framework
            // compiled in, no runtime or IL beside it (only the native library Mono.Unix brings), no debug symbols.
            var target = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
            var dir = Path.GetDirectoryName(target)!;
            var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "DotnetToolSettings.xml", "configguard", "libMono.Unix.so" }, files);
            Assert.True(new FileInfo(target).Length > 1_000_000, "configguard is not the native executable: " + target);
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);
        }

        var sample = Path.Combine(tmp.Path, "sample");
        Directory.CreateDirectory(sample);
        File.WriteAllText(Path.Combine(sample, ".env.staging"), $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        var run = ProcessRunner.Run(sample, command, new[] { "check" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", run.Stdout);
        Assert.DoesNotContain(Fake.StripeLive, run.All);

        // The hook's own command, on staged content, with a kustomize overlay (YAML) and appsettings (JSON) staged too.
        using var repo = GitRepo.Init();
        repo.Write(".env.staging", $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        repo.Write("appsettings.Staging.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=db.stg.acme.io\" } }\n");
        repo.Write("k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        repo.Write("k8s/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n");
        repo.Write("k8s/overlays/staging/kustomization.yaml", "namespace: production\nresources:\n  - ../../base\n");
        repo.Git("add", ".");
        var staged = ProcessRunner.Run(repo.Path, command, new[] { "check", "--staged" });
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", staged.Stdout);
        Assert.Contains("k8s/overlays/staging/kustomization.yaml:1:12: error CG0011:", staged.Stdout);
    }

    [Fact]
    public void The_pack_pre_commit_makes_for_its_dotnet_language_is_one_portable_tool_package()
    {
        // pre-commit installs every package its `dotnet pack` writes (to pre-commit-build) as a tool: there must be one.
        using var tmp = new TempDir();
        var (pkg, version, _) = PackCli(tmp, "pre-commit-build");
        var nupkg = Assert.Single(Directory.GetFiles(pkg, "*.nupkg"));
        Assert.Equal($"ConfigGuard.Tool.{version}.nupkg", Path.GetFileName(nupkg));
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/configguard.dll");
    }

    /// <summary>
    /// `dotnet pack` of the CLI with a unique version into <paramref name="folder"/> under <paramref name="tmp"/>. Its
    /// build output goes under <paramref name="tmp"/> too (--artifacts-path): other tests pack from the same sources at
    /// the same time and must not share obj/ folders with it.
    /// </summary>
    private static (string Folder, string Version, ProcessResult Output) PackCli(TempDir tmp, string folder)
    {
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..8];
        var pkg = Path.Combine(tmp.Path, folder);
        var pack = ProcessRunner.Run(RepoPaths.Root, "dotnet", new[]
        {
            "pack", "src/ConfigGuard.Cli", "-c", "Release", "-o", pkg, $"-p:Version={version}", "--artifacts-path", Path.Combine(tmp.Path, "artifacts"), "--nologo",
        });
        Assert.True(pack.ExitCode == 0, pack.All);
        return (pkg, version, pack);
    }
}
