using ConfigGuard.Core.Catalog;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

public class ExitCodeAndUsageTests
{
    [Fact]
    public void No_command_prints_the_commands_and_is_exit_2()
    {
        var r = Cli.Run(RepoPaths.Root);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("check", r.Stdout);
        Assert.Contains("checklist", r.Stdout);
    }

    [Fact]
    public void Bad_flag_is_exit_2()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "--no-such-flag");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--no-such-flag", r.Stderr);
    }

    [Fact]
    public void Unknown_format_and_missing_path_are_exit_2()
    {
        Assert.Equal(2, Cli.Run(RepoPaths.Root, "check", "--format", "xml").ExitCode);
        var r = Cli.Run(RepoPaths.Root, "check", "does/not/exist");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("path not found", r.Stderr);
    }

    [Fact]
    public void Malformed_configguard_yaml_is_exit_2_with_file_and_line()
    {
        using var tmp = new TempDir();
        tmp.Write("configguard.yaml", "production:\n  hosts: [a.example]\nrulez:\n  CG0001: warning\n");
        tmp.Write(".env.staging", "APP_ENV=staging\n");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("configguard.yaml:3:1: error: unknown key 'rulez'", r.Stderr);

        tmp.Write("configguard.yaml", "rules:\n  CG0001: loud\n");
        r = Cli.Run(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("configguard.yaml:2:11: error: 'loud' is not a severity", r.Stderr);

        tmp.Write("configguard.yaml", "rules: [unclosed\n");
        r = Cli.Run(tmp.Path, "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"configguard\.yaml:\d+:\d+: error:", r.Stderr);
    }

    [Fact]
    public void Fail_on_sets_the_level_that_fails()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.production", "APP_ENV=production\nDEBUG=true\n");
        Assert.Equal(0, Cli.Run(tmp.Path, "check").ExitCode);
        Assert.Equal(1, Cli.Run(tmp.Path, "check", "--fail-on", "warning").ExitCode);
        Assert.Equal(1, Cli.Run(tmp.Path, "check", "--fail-on", "note").ExitCode);
    }

    [Fact]
    public void Fail_on_never_reports_every_finding_and_exits_zero()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.production", "APP_ENV=production\n");
        tmp.Write(".env.staging", "APP_ENV=staging\nSTRIPE_SECRET_KEY=" + Fake.StripeLive + "\n");
        var failing = Cli.Run(tmp.Path, "check");
        Assert.Equal(1, failing.ExitCode);
        var r = Cli.Run(tmp.Path, "check", "--fail-on", "never", "--report", "junit=-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("error CG0001", r.Stdout);
        Assert.DoesNotContain("<failure", r.Stdout);
        Assert.Equal(2, Cli.Run(tmp.Path, "check", "--fail-on", "nevr").ExitCode);
    }

    [Fact]
    public void Configguard_yaml_severity_overrides_and_production_hosts_apply()
    {
        using var tmp = new TempDir();
        tmp.Write("configguard.yaml", "production:\n  hosts: [mina.app]\nrules:\n  CG0007: error\n");
        tmp.Write(".env.production", "APP_ENV=production\nDEBUG=true\n");
        tmp.Write(".env.staging", "APP_ENV=staging\nSHARE_URL=https://mina.app/s\n");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(".env.production:2:7: error CG0007:", r.Stdout);
        Assert.Contains(".env.staging:2:19: error CG0002:", r.Stdout);
    }

    [Fact]
    public void Editorconfig_severity_is_honoured_by_the_cli()
    {
        using var tmp = new TempDir();
        tmp.Write(".editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.CG0001.severity = warning\n\n[legacy/**]\ndotnet_diagnostic.CG0001.severity = none\n");
        tmp.Write(".env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        tmp.Write("legacy/.env.staging", $"APP_ENV=staging\nKEY={Fake.StripeLive}\n");
        var r = Cli.Run(tmp.Path, "check");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(".env.staging:2:5: warning CG0001:", r.Stdout);
        Assert.DoesNotContain("legacy/", r.Stdout);
    }

    [Fact]
    public void Rules_lists_every_rule_and_explain_prints_its_page()
    {
        var rules = Cli.Run(RepoPaths.Root, "rules");
        Assert.Equal(0, rules.ExitCode);
        foreach (var id in new[] { "CG0001", "CG0005", "CG0013", "CG1001", "CG1006" }) Assert.Contains(id, rules.Stdout);
        Assert.Contains("CG0001  error    config  " + RulePack.Default.Rule("CG0001").Title, rules.Stdout);

        var explain = Cli.Run(RepoPaths.Root, "explain", "cg0001");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# CG0001:", explain.Stdout);
        Assert.Equal(2, Cli.Run(RepoPaths.Root, "explain", "CG9999").ExitCode);
    }

    [Fact]
    public void Envs_prints_each_file_with_its_environment_and_reason()
    {
        using var tmp = new TempDir();
        tmp.Write("configguard.yaml", "environments:\n  staging: [\"deploy/preview-*/**\"]\n");
        tmp.Write(".env.stg", "X=1\n");
        tmp.Write("deploy/prod/.env", "X=1\n");
        tmp.Write("deploy/preview-7/.env", "X=1\n");
        tmp.Write("svc/app.env", "APP_ENV=staging\n");
        var r = Cli.Run(tmp.Path, "envs");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\.env\.stg\s+staging \(stg\)\s+file name '\.env\.stg'", r.Stdout);
        Assert.Matches(@"deploy/prod/\.env\s+production \(prod\)\s+folder 'prod/'", r.Stdout);
        Assert.Matches(@"deploy/preview-7/\.env\s+staging\s+configguard\.yaml: 'deploy/preview-\*/\*\*' -> staging", r.Stdout);
        Assert.Matches(@"svc/app\.env\s+staging\s+declared by APP_ENV=staging \(line 1\)", r.Stdout);
    }
}
