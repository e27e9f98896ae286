using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>
/// Code meets config, both front ends on samples/aspnet-config: `dotnet build` with the real package (the analyzer has the
/// semantic model and the config files as AdditionalFiles) and `configguard check` (syntax only, no build) report the same
/// CG1007-CG1009 findings at the same places with the same severities.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CodeConfigAgreementTests(PackageFeed feed, ITestOutputHelper output)
{
    private static readonly string[] Expected =
    {
        "Program.cs(10,39): error CG1007",
        "Program.cs(5,1): error CG1007",
        "appsettings.Production.json(6,6): warning CG1008",
        "deploy/overlays/staging/kustomization.yaml(1,1): warning CG1009",
    };

    private static bool CodeRule(string location) =>
        location.EndsWith(" CG1007", StringComparison.Ordinal) || location.EndsWith(" CG1008", StringComparison.Ordinal) || location.EndsWith(" CG1009", StringComparison.Ordinal);

    [Fact]
    public void Build_with_the_package_and_configguard_check_agree_on_the_aspnet_config_sample()
    {
        // The sample's own Shop.csproj stays out: the consumer's project (Web SDK, nullable on, the package) takes its place.
        var files = PackageFeed.SampleFiles("aspnet-config").Where(f => !f.Item1.EndsWith(".csproj", StringComparison.Ordinal));
        var (dir, add) = feed.CreateConsumer("ShopApp", files);
        output.WriteLine($"restore (dotnet add package): exit {add.ExitCode} in {add.Elapsed.TotalSeconds:F1} s");

        var build = DotNet.Build(dir);
        output.WriteLine($"build: exit {build.ExitCode} in {build.Elapsed.TotalSeconds:F1} s");
        foreach (var id in new[] { "AD0001", "CS8032", "CS8033", "CS2001" }) Assert.DoesNotContain(id, build.Output);
        Assert.NotEqual(0, build.ExitCode);
        var fromBuild = build.Diagnostics(dir, "CG1").Where(CodeRule).ToList();
        Assert.Equal(Expected, fromBuild);
        var lines = build.FullLines(dir, "CG1");
        Assert.Contains(lines, l => l.StartsWith("Program.cs(5,1): error CG1007: Stripe:SecretKey is read here without a default (bound to StripeOptions.SecretKey); staging provides it", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("appsettings.Production.json(6,6): warning CG1008: Strpe:SecretKey in production is read by no code and is one slip away from Stripe:SecretKey", StringComparison.Ordinal));

        var cliDll = Path.Combine(AppContext.BaseDirectory, "configguard.dll");
        var json = Path.Combine(feed.WorkDir, "shop-check.json");
        var check = DotNet.Run(dir, cliDll, "check", ".", "--format", "json", "--output", json);
        output.WriteLine($"configguard check: exit {check.ExitCode} in {check.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, check.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var fromCli = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}({f.GetProperty("line").GetInt32()},{f.GetProperty("column").GetInt32()}): {f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()}")
            .Where(CodeRule).OrderBy(l => l, StringComparer.Ordinal).ToList();
        Assert.Equal(fromBuild, fromCli);
    }
}
