using ConfigGuard.Tests;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// samples/ci/configguard/action.yml, the composite action: its shape, and its check step's script run by bash exactly
/// as the runner would (inputs as environment variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, configguard on PATH).
/// </summary>
public class GitHubActionTests
{
    private static readonly string ActionFile = Path.Combine(RepoPaths.Root, "samples", "ci", "configguard", "action.yml");

    private static YamlMappingNode Action()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ActionFile);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlSequenceNode Steps() => (YamlSequenceNode)((YamlMappingNode)Action()["runs"])["steps"];

    private static YamlMappingNode Step(string name) =>
        Steps().Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("name", out var n) && n.ToString() == name);

    [Fact]
    public void Is_a_composite_action_that_installs_the_tool_checks_and_uploads_sarif()
    {
        var runs = (YamlMappingNode)Action()["runs"];
        Assert.Equal("composite", runs["using"].ToString());
        var uses = Steps().Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("uses")).Select(s => s["uses"].ToString()).ToList();
        Assert.Contains("actions/setup-dotnet@v4", uses);
        Assert.Contains("github/codeql-action/upload-sarif@v3", uses);
        Assert.Contains("dotnet tool install --global ConfigGuard.Tool", Step("Install ConfigGuard")["run"].ToString());
        // Every script step names its shell (composite actions require it) and takes no ${{ }} into its script.
        foreach (var s in Steps().Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("run")))
        {
            Assert.Equal("bash", s["shell"].ToString());
            Assert.DoesNotContain("${{", s["run"].ToString());
        }
    }

    private sealed record StepRun(int ExitCode, string Output, string Summary, string StepOutputs, string Sarif);

    private static StepRun RunCheckStep(TempDir repo, string baseInput, string prBase)
    {
        var step = Step("ConfigGuard check");
        var bin = Path.Combine(repo.Path, ".git", "bin");
        Directory.CreateDirectory(bin);
        var shim = Path.Combine(bin, "configguard");
        File.WriteAllText(shim, "#!/bin/sh\nexec " + (Cli.Executable is { } exe ? $"'{exe}'" : $"dotnet '{Cli.Dll}'") + " \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var runner = new TempDir();
        var env = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runner.Path, "summary.md"),
            ["GITHUB_OUTPUT"] = Path.Combine(runner.Path, "output.txt"),
            ["CG_BASE"] = baseInput,
            ["CG_PR_BASE"] = prBase,
            ["CG_PATHS"] = "",
            ["CG_FAIL_ON"] = "error",
            ["CG_SARIF"] = Path.Combine(runner.Path, "configguard.sarif"),
        };
        var r = ProcessRunner.Run(repo.Path, "bash", new[] { "-e", "-c", step["run"].ToString() }, env);
        string Read(string f) => File.Exists(f) ? File.ReadAllText(f) : "";
        return new StepRun(r.ExitCode, r.All, Read(env["GITHUB_STEP_SUMMARY"]), Read(env["GITHUB_OUTPUT"]), Read(env["CG_SARIF"]));
    }

    [Fact]
    public void The_check_step_gates_a_push_on_the_whole_repository_and_a_pull_request_on_its_changes()
    {
        using var repo = GitRepo.Init();
        repo.Write(".env.production", "APP_ENV=production\nDEBUG=false\n");
        repo.Write("legacy/.env.staging", $"APP_ENV=staging\nSTRIPE_KEY={Fake.StripeLive}\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "base");
        repo.Git("branch", "-M", "main");

        // A push (no base, no pull request): the whole repository; the old live key fails the job.
        var push = RunCheckStep(repo, "", "");
        Assert.True(push.ExitCode == 1, push.Output);
        Assert.Contains("::error file=legacy/.env.staging,line=2", push.Output);
        Assert.Contains("CG0001", push.Summary);
        Assert.Contains("\"version\": \"2.1.0\"", push.Sarif);
        Assert.Contains("sarif=", push.StepOutputs);
        Assert.DoesNotContain(Fake.StripeLive, push.Output + push.Summary + push.Sarif);

        // A pull request that changes only a clean file: only its changes are judged (base given as an input).
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write(".env.staging", "APP_ENV=staging\nDEBUG=true\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "staging config");
        var pr = RunCheckStep(repo, "main", "");
        Assert.True(pr.ExitCode == 0, pr.Output);
        Assert.DoesNotContain("legacy/.env.staging", pr.Output);
    }
}
