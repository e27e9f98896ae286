using System.IO.Compression;
using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>
/// `dotnet add package ConfigGuard` + `dotnet build` as a user does it, on consumers made from samples/: the exact
/// diagnostics located in config files and code, WarningsAsErrors, .editorconfig severities, incremental builds, a
/// consumer on another YamlDotNet, the clean sample, and `dotnet msbuild -t:ConfigGuardCheck`.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageEndToEndTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string LiveKey = "sk_live_51HxExampleOnlyNotARealKeyQ3xZ";

    /// <summary>Code that trips CG1003 and CG1001, and uses YamlDotNet so the consumer's own copy really loads.</summary>
    private const string ProgramWithCodeFindings = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var yaml = new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(new { Name = "app" });
        var env = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        if (env == "Production") app.UseHsts();
        app.MapGet("/", () => yaml);
        app.Run();
        """;

    private const string PlainProgram = """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    private void Log(string step, DotNetRun run) => output.WriteLine($"{step}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:F1} s");

    private static void NoLoadProblems(DotNetRun run)
    {
        // AD0001: an analyzer threw; CS8032/CS8033: an analyzer could not be loaded or created; CS2001: a missing AdditionalFile.
        foreach (var id in new[] { "AD0001", "CS8032", "CS8033", "CS2001" }) Assert.DoesNotContain(id, run.Output);
    }

    [Fact]
    public void Package_layout_is_an_analyzer_package_with_no_lib_and_no_dependencies()
    {
        output.WriteLine($"pack: {feed.Pack.Elapsed.TotalSeconds:F1} s");
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal) && n != "[Content_Types].xml").OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            "ConfigGuard.nuspec",
            "README.md",
            "analyzers/dotnet/cs/ConfigGuard.Analyzers.dll",
            "analyzers/dotnet/cs/ConfigGuard.CodeFixes.dll",
            "analyzers/dotnet/cs/ConfigGuard.Core.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/ConfigGuard.props",
            "build/ConfigGuard.targets",
            "buildTransitive/ConfigGuard.props",
            "buildTransitive/ConfigGuard.targets",
            "tasks/net10.0/ConfigGuard.Core.dll",
            "tasks/net10.0/ConfigGuard.MSBuild.dll",
            "tasks/net10.0/ConfigGuard.Scanning.dll",
            "tasks/net10.0/YamlDotNet.dll",
        }, entries);
        using var reader = new StreamReader(zip.GetEntry("ConfigGuard.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependencies>", nuspec);
    }

    [Fact]
    public void Staging_leak_consumer_on_YamlDotNet_13_sees_every_config_and_code_finding_located_and_ConfigGuardCheck_fails()
    {
        var files = PackageFeed.SampleFiles("staging-leak").Append(("Program.cs", ProgramWithCodeFindings));
        var (dir, add) = feed.CreateConsumer("LeakApp", files, """    <PackageReference Include="YamlDotNet" Version="13.7.1" />""");
        Log("restore (dotnet add package)", add);

        var build = DotNet.Build(dir);
        Log("build", build);
        NoLoadProblems(build);
        Assert.NotEqual(0, build.ExitCode);
        // Exactly what `configguard check` reports on samples/staging-leak (less CG0009, git facts), and the C# analyzers' two.
        var expected = StagingLeakSample.ConfigFindings
            .Concat(new[] { "Program.cs(4,11): warning CG1003", "Program.cs(5,5): warning CG1001" })
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, build.Diagnostics(dir));
        var lines = build.FullLines(dir);
        Assert.Contains(".env.staging(2,19): error CG0001: STRIPE_SECRET_KEY holds a Stripe live secret key (sk_live_…Q3xZ) in staging, a non-production environment; use the provider's test-mode key (https://github.com/configguard/configguard/blob/main/docs/rules/CG0001.md)", lines);
        Assert.Contains(".env.staging(3,42): error CG0002: DATABASE_URL points staging at the production host 'prod.host' (its name says 'prod'); give staging its own host (also CG0005: DATABASE_URL in staging uses postgres database 'shop' on prod.host:5432, which production also uses (.env.production:4); give staging its own database) (https://github.com/configguard/configguard/blob/main/docs/rules/CG0002.md)", lines);
        Assert.DoesNotContain(LiveKey, build.Output);
        // The full path is printed, so the line is clickable: /tmp/.../LeakApp/.env.staging(2,19): error CG0001: ...
        Assert.Contains(Path.Combine(dir, ".env.staging") + "(2,19): error CG0001: ", build.Output);

        var check = DotNet.Run(dir, "msbuild", "-t:ConfigGuardCheck", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary");
        Log("msbuild -t:ConfigGuardCheck", check);
        Assert.NotEqual(0, check.ExitCode);
        var checkLines = check.Diagnostics(dir);
        // The task reads the disk: same findings, plus CG0009 for the .env.staging.local that .gitignore does not cover.
        Assert.Equal(build.Diagnostics(dir).Where(l => !l.Contains("CG1")).Append(".env.staging.local(1,1): error CG0009").OrderBy(l => l, StringComparer.Ordinal), checkLines);
        Assert.Contains(Path.Combine(dir, ".env.staging") + "(2,19,2,57): error CG0001: STRIPE_SECRET_KEY holds a Stripe live secret key", check.Output);
        Assert.Contains("ConfigGuard: 13 errors, 9 warnings in 11 config files", check.Output);
    }

    [Fact]
    public void Incremental_build_editorconfig_severity_and_WarningsAsErrors()
    {
        var (dir, add) = feed.CreateConsumer("WarnApp", new[]
        {
            (".env.production", "APP_ENV=production\n"),
            (".env.staging", "# staging, no environment declared (production declares one)\nLOG_LEVEL=info\n"),
            ("Program.cs", PlainProgram),
        });
        Log("restore (dotnet add package)", add);

        var first = DotNet.Build(dir);
        Log("build", first);
        NoLoadProblems(first);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(new[] { ".env.staging(1,1): warning CG0003" }, first.Diagnostics(dir));

        // Incremental: the AdditionalFile changed, so CoreCompile (and the analyzer) runs again.
        File.WriteAllText(Path.Combine(dir, ".env.staging"), $"# staging, no environment declared (production declares one)\nSTRIPE_SECRET_KEY={LiveKey}\n");
        var edited = DotNet.Build(dir);
        Log("build after editing .env.staging", edited);
        Assert.NotEqual(0, edited.ExitCode);
        Assert.Equal(new[] { ".env.staging(1,1): warning CG0003", ".env.staging(2,19): error CG0001" }, edited.Diagnostics(dir));

        // .editorconfig [*] lowers CG0001 for config files too (the compiler alone would not: the analyzer applies it).
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*]\ndotnet_diagnostic.CG0001.severity = warning\n");
        var lowered = DotNet.Build(dir);
        Log("build with .editorconfig", lowered);
        Assert.Equal(0, lowered.ExitCode);
        Assert.Equal(new[] { ".env.staging(1,1): warning CG0003", ".env.staging(2,19): warning CG0001" }, lowered.Diagnostics(dir));

        // CI: WarningsAsErrors turns a config warning into a failed build. (--no-incremental: a property alone is no CoreCompile input.)
        var strict = DotNet.Build(dir, "--no-incremental", "-p:WarningsAsErrors=CG0003");
        Log("build -p:WarningsAsErrors=CG0003", strict);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Equal(new[] { ".env.staging(1,1): error CG0003", ".env.staging(2,19): warning CG0001" }, strict.Diagnostics(dir));

        // Opt-out: no config files handed to the compiler, no config diagnostics.
        var optOut = DotNet.Build(dir, "--no-incremental", "-p:ConfigGuardAddConfigFiles=false");
        Log("build -p:ConfigGuardAddConfigFiles=false", optOut);
        Assert.Equal(0, optOut.ExitCode);
        Assert.Empty(optOut.Diagnostics(dir));
    }

    [Fact]
    public void ConfigGuardRoot_defaults_to_the_folder_of_configguard_yaml_so_overlays_beside_the_project_are_checked()
    {
        // repo/configguard.yaml, repo/deploy/<the staging-leak kustomize tree>, repo/src/Api/Api.csproj
        var files = PackageFeed.SampleFiles("staging-leak")
            .Where(f => f.Item1.StartsWith("k8s", StringComparison.Ordinal))
            .Select(f => ("deploy/" + f.Item1.Replace('\\', '/'), f.Item2))
            .Append(("configguard.yaml", "rules:\n  CG0011: warning\n"))
            .Append(("src/Api/Program.cs", PlainProgram));
        var (dir, add) = feed.CreateConsumer("Repo", files, projectFolder: "src/Api");
        Log("restore (dotnet add package)", add);
        var build = DotNet.Build(dir);
        Log("build", build);
        NoLoadProblems(build);
        Assert.NotEqual(0, build.ExitCode);
        // Located in ../../deploy, environments from the overlay folders, severities from configguard.yaml.
        Assert.Equal(new[]
        {
            "../../deploy/k8s/overlays/staging/kustomization.yaml(15,38): error CG0002",
            "../../deploy/k8s/overlays/staging/kustomization.yaml(19,27): error CG0001",
            "../../deploy/k8s/overlays/staging/kustomization.yaml(4,12): warning CG0011",
            "../../deploy/k8s/overlays/staging/kustomization.yaml(9,13): warning CG0011",
        }, build.Diagnostics(dir));
    }

    [Fact]
    public void Clean_sample_consumer_has_no_ConfigGuard_diagnostics()
    {
        var files = PackageFeed.SampleFiles("clean").Append(("Program.cs", PlainProgram));
        var (dir, add) = feed.CreateConsumer("CleanApp", files);
        Log("restore (dotnet add package)", add);
        var build = DotNet.Build(dir);
        Log("build", build);
        NoLoadProblems(build);
        Assert.Equal(0, build.ExitCode);
        Assert.Empty(build.Diagnostics(dir));
        Assert.DoesNotContain(" CG0", build.Output);

        var check = DotNet.Run(dir, "msbuild", "-t:ConfigGuardCheck", "-nodeReuse:false", "-tl:off", "-nologo");
        Log("msbuild -t:ConfigGuardCheck", check);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("ConfigGuard: 0 errors, 0 warnings in 12 config files", check.Output);
    }

    /// <summary>
    /// The three front ends on one tree, with a baseline (an old key accepted), an inline suppression (a demo key), a
    /// configguard.yaml severity (CG0003 raised to error) and an .editorconfig severity (CG0005 lowered to warning):
    /// `configguard check`, `dotnet build` (the analyzer on AdditionalFiles) and `dotnet msbuild -t:ConfigGuardCheck`
    /// report the same findings at the same places with the same severities. Then a broken configguard.yaml is a
    /// settings error for the task, as for the CLI, not a CG0012 finding.
    /// </summary>
    [Fact]
    public void Check_build_and_ConfigGuardCheck_agree_on_baseline_suppression_and_severities()
    {
        const string AcceptedKey = "sk_live_51HxAcceptedOnceNotARealKeyR7tQ";
        const string DemoKey = "sk_live_51HxDemoOnlyNotARealKeyAtAllW2pK";
        var (dir, add) = feed.CreateConsumer("AgreeApp", new[]
        {
            ("configguard.yaml", "rules:\n  CG0003: error\n"),
            (".editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.CG0005.severity = warning\n"),
            (".env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@db.shop.internal:5432/shop\n"),
            (".env.staging", "# staging, no environment declared (production declares one)\n"
                + "DATABASE_URL=postgres://app@db.shop.internal:5432/shop\n"
                + $"OLD_STRIPE_KEY={AcceptedKey}\n"
                + "# configguard:ignore CG0001 demo key, revoked 2026-01\n"
                + $"DEMO_STRIPE_KEY={DemoKey}\n"
                + $"STRIPE_SECRET_KEY={LiveKey}\n"),
            ("Program.cs", PlainProgram),
        });
        Log("restore (dotnet add package)", add);
        var cliDll = Path.Combine(AppContext.BaseDirectory, "configguard.dll");

        // The baseline accepts the old key's finding only (its fingerprint from the CLI's JSON).
        var all = CliFindings(cliDll, dir, "--no-baseline");
        var accepted = Assert.Single(all, f => f.Key == "OLD_STRIPE_KEY");
        File.WriteAllText(Path.Combine(dir, ".configguard-baseline.json"), $$"""
            { "tool": "configguard", "version": 1, "findings": [ { "fingerprint": "{{accepted.Fingerprint}}", "ruleId": "CG0001", "path": ".env.staging", "key": "OLD_STRIPE_KEY" } ] }
            """);

        var cli = CliFindings(cliDll, dir).Select(f => f.Location).OrderBy(l => l, StringComparer.Ordinal).ToList();
        var build = DotNet.Build(dir);
        Log("build", build);
        NoLoadProblems(build);
        var task = DotNet.Run(dir, "msbuild", "-t:ConfigGuardCheck", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary");
        Log("msbuild -t:ConfigGuardCheck", task);

        Assert.Contains(".env.staging(1,1): error CG0003", cli);               // configguard.yaml raised it
        Assert.Contains(".env.staging(2,14): warning CG0005", cli);            // .editorconfig lowered it
        Assert.Contains(".env.staging(6,19): error CG0001", cli);              // the one live key nobody accepted
        Assert.DoesNotContain(cli, l => l.StartsWith(".env.staging(3,", StringComparison.Ordinal));   // baselined
        Assert.DoesNotContain(cli, l => l.StartsWith(".env.staging(5,", StringComparison.Ordinal));   // suppressed
        Assert.Equal(cli, build.Diagnostics(dir, "CG0"));
        Assert.Equal(cli, task.Diagnostics(dir, "CG0"));
        Assert.Contains("(1 in baseline", task.Output);

        File.WriteAllText(Path.Combine(dir, "configguard.yaml"), "rules:\n  CG0003: [error\n");
        var broken = DotNet.Run(dir, "msbuild", "-t:ConfigGuardCheck", "-nodeReuse:false", "-tl:off", "-nologo", "-clp:NoSummary");
        Log("msbuild -t:ConfigGuardCheck, broken configguard.yaml", broken);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("configguard.yaml(", broken.Output);
        Assert.Contains("error CONFIGGUARD:", broken.Output);
        Assert.DoesNotContain("CG0012", broken.Output);
    }

    private sealed record CliFinding(string Location, string? Key, string Fingerprint);

    /// <summary>`configguard check . --format json` in <paramref name="dir"/>: "path(line,col): severity ID" as MSBuild prints it.</summary>
    private List<CliFinding> CliFindings(string cliDll, string dir, params string[] extra)
    {
        var json = Path.Combine(feed.WorkDir, "check-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var run = DotNet.Run(dir, new[] { cliDll, "check", ".", "--format", "json", "--output", json }.Concat(extra).ToArray());
        Log("configguard check " + string.Join(' ', extra), run);
        Assert.True(run.ExitCode is 0 or 1, run.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new CliFinding(
                $"{f.GetProperty("path").GetString()}({f.GetProperty("line").GetInt32()},{f.GetProperty("column").GetInt32()}): {f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()}",
                f.TryGetProperty("key", out var k) ? k.GetString() : null,
                f.GetProperty("fingerprint").GetString()!))
            .ToList();
    }
}
