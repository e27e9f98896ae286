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
        Assert.Contains("production:\n  hosts:\n    - cache.prod.acme.io\n    - db.prod.acme.io\n", yaml);
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

    [Fact]
    public void Dotnet_pack_gives_a_tool_package_that_installs_and_runs()
    {
        using var tmp = new TempDir();
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..8];
        var pkg = Path.Combine(tmp.Path, "pkg");
        var pack = GitRepo.Exec(RepoPaths.Root, "dotnet", new[] { "pack", "src/ConfigGuard.Cli", "-c", "Release", "-o", pkg, $"-p:Version={version}", "--nologo" });
        Assert.True(pack.ExitCode == 0, pack.All);
        Assert.True(File.Exists(Path.Combine(pkg, $"ConfigGuard.Tool.{version}.nupkg")), pack.All);

        var tools = Path.Combine(tmp.Path, "tools");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(tmp.Path, "nuget") };
        var install = GitRepo.Exec(tmp.Path, "dotnet", new[] { "tool", "install", "--tool-path", tools, "ConfigGuard.Tool", "--add-source", pkg, "--version", version }, env);
        Assert.True(install.ExitCode == 0, install.All);

        var sample = Path.Combine(tmp.Path, "sample");
        Directory.CreateDirectory(sample);
        File.WriteAllText(Path.Combine(sample, ".env.staging"), $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        var run = GitRepo.Exec(sample, Path.Combine(tools, "configguard"), new[] { "check" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".env.staging:2:12: error CG0001:", run.Stdout);
        Assert.DoesNotContain(Fake.StripeLive, run.All);
    }
}
