using System.Collections.Immutable;
using System.Text;
using ConfigGuard.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// CG1007-CG1009 in the compiler: C# sources and config AdditionalFiles under a virtual /repo/, ConfigGuardRoot as the
/// package sets it. Both analyzers run together, as in a build, so the shared engine run is exercised.
/// </summary>
public class ConfigurationKeyAnalyzerTests
{
    private const string Root = "/repo/";

    internal const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;

        var builder = WebApplication.CreateBuilder(args);
        var searchUrl = builder.Configuration["Search:Url"];
        var stripe = builder.Configuration.GetValue<string>("Stripe:SecretKey");
        var banner = builder.Configuration["Features:Banner"] ?? "off";
        builder.Build().Run();
        """;

    internal static readonly (string, string)[] Config =
    {
        ("appsettings.json", "{ \"Features\": { \"Banner\": \"on\" } }"),
        ("appsettings.Staging.json", "{\n  \"Search\": { \"Url\": \"https://search.staging.example.org\" },\n  \"Stripe\": { \"SecretKey\": \"from-user-secrets\" }\n}\n"),
        ("appsettings.Production.json", "{\n  \"Strpe\": { \"SecretKey\": \"from-the-vault\" }\n}\n"),
        ("deploy/base/kustomization.yaml", "resources:\n  - deployment.yaml\n"),
        ("deploy/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: registry.example.org/shop:2.0.1\n          env:\n            - name: Logging__LogLevel__Default\n              value: Information\n"),
        ("deploy/overlays/staging/kustomization.yaml", "resources:\n  - ../../base\n"),
    };

    private static async Task<List<string>> RunAsync(string source, IEnumerable<(string Path, string Text)> files, string sourcePath = "Program.cs")
    {
        var options = new TestOptions(new[] { ("/.globalconfig", "is_global = true\nbuild_property.ConfigGuardRoot = " + Root + "\n") });
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), Root + sourcePath);
        var compilation = AnalyzerTest.CreateCompilation(new[] { tree }, options);
        AnalyzerTest.AssertCompiles(compilation, "test source");
        var texts = files.Select(f => (AdditionalText)new InMemoryText(Root + f.Path, f.Text)).ToImmutableArray();
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(options.SeverityOptions))
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigurationKeyAnalyzer(), new ConfigFileAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts, options.AnalyzerOptions), (e, _, _) => exceptions.Add(e), true, false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id is "CG1007" or "CG1008" or "CG1009")
            .Select(d => (d, span: d.Location.GetLineSpan()))
            .OrderBy(x => x.span.Path, StringComparer.Ordinal).ThenBy(x => x.span.StartLinePosition)
            .Select(x => $"{x.span.Path[Root.Length..]}({x.span.StartLinePosition.Line + 1},{x.span.StartLinePosition.Character + 1}): {x.d.Severity.ToString().ToLowerInvariant()} {x.d.Id}: {x.d.GetMessage()}")
            .ToList();
    }

    [Fact]
    public async Task Reports_each_rule_in_the_code_and_in_the_config_file()
    {
        var lines = await RunAsync(Program, Config);
        Assert.True(lines.Count == 4, string.Join("\n", lines));
        Assert.StartsWith("Program.cs(5,39): error CG1007: Search:Url is read here without a default; staging provides it (appsettings.Staging.json:2) but Production does not", lines[0]);
        Assert.StartsWith("Program.cs(6,53): error CG1007: Stripe:SecretKey is read here without a default;", lines[1]);
        Assert.StartsWith("appsettings.Production.json(2,15): warning CG1008: Strpe:SecretKey in Production is read by no code", lines[2]);
        Assert.Contains("(Program.cs:6)", lines[2]);
        Assert.StartsWith("deploy/overlays/staging/kustomization.yaml(1,1): warning CG1009: kustomization.yaml deploys staging but never sets ASPNETCORE_ENVIRONMENT", lines[3]);
        Assert.Contains("(WebApplication.CreateBuilder, Program.cs:4)", lines[3]);
    }

    [Fact]
    public async Task Pragma_and_defaults_silence_the_read()
    {
        var source = Program
            .Replace("var searchUrl = builder.Configuration[\"Search:Url\"];", "#pragma warning disable CG1007\nvar searchUrl = builder.Configuration[\"Search:Url\"];\n#pragma warning restore CG1007")
            .Replace("GetValue<string>(\"Stripe:SecretKey\")", "GetValue<string>(\"Stripe:SecretKey\", \"\")");
        var lines = await RunAsync(source, Config);
        Assert.DoesNotContain(lines, l => l.Contains("CG1007"));
    }

    internal const string ProgramWithSuppression = """
        using System.Diagnostics.CodeAnalysis;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;

        var builder = WebApplication.CreateBuilder(args);
        var searchUrl = Reads.Search(builder.Configuration);
        var stripe = Reads.Stripe(builder.Configuration);
        builder.Build().Run();

        static class Reads
        {
            [SuppressMessage("ConfigGuard", "CG1007:Key read without a default", Justification = "the platform injects it")]
            public static string? Search(IConfiguration c) => c["Search:Url"];
            public static string? Stripe(IConfiguration c) => c.GetValue<string>("Stripe:SecretKey");
        }
        """;

    [Fact]
    public async Task SuppressMessage_on_the_member_silences_its_reads_and_an_assembly_wide_one_silences_all()
    {
        // What `configguard check` mirrors from syntax (SuppressMessageAttributes): the compiler's own handling.
        var lines = await RunAsync(ProgramWithSuppression, Config);
        Assert.Single(lines, l => l.Contains(" CG1007: Stripe:SecretKey"));
        Assert.DoesNotContain(lines, l => l.Contains(" CG1007: Search:Url"));

        var global = ProgramWithSuppression.Replace("var builder =", "[assembly: SuppressMessage(\"ConfigGuard\", \"CG1007\")]\nvar builder =");
        Assert.DoesNotContain(await RunAsync(global, Config), l => l.Contains("CG1007"));

        // Assembly-wide, it reaches a finding on a config file too (CG1008 on appsettings.Production.json).
        Assert.Contains(lines, l => l.Contains(" CG1008: Strpe:SecretKey"));
        var typo = ProgramWithSuppression.Replace("var builder =", "[assembly: SuppressMessage(\"ConfigGuard\", \"CG1008\")]\nvar builder =");
        Assert.DoesNotContain(await RunAsync(typo, Config), l => l.Contains("CG1008"));

        // Another rule's ID suppresses nothing here.
        var other = ProgramWithSuppression.Replace("\"CG1007:Key read without a default\"", "\"CG1008\"");
        Assert.Single(await RunAsync(other, Config), l => l.Contains(" CG1007: Search:Url"));
    }

    [Fact]
    public async Task Nothing_without_config_files_or_without_configuration_reads()
    {
        Assert.Empty(await RunAsync(Program, Array.Empty<(string, string)>()));
        Assert.Empty(await RunAsync("namespace App; public static class Empty { }", Config));
    }
}
