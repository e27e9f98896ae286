using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// The in-process twin of <c>dotnet build samples/aspnet-app</c>: the sample's sources, its .editorconfig and its
/// STAGING symbol, with the Web SDK's implicit usings. Every rule must fire where the sample's README says.
/// </summary>
public class SampleAppTests
{
    private const string WebSdkGlobalUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    [Fact]
    public async Task Every_rule_fires_on_the_sample_and_nothing_throws()
    {
        var folder = Path.Combine(RepoPaths.Samples, "aspnet-app");
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "STAGING" });
        var trees = Directory.GetFiles(folder, "*.cs")
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parseOptions, f))
            .Append(CSharpSyntaxTree.ParseText(WebSdkGlobalUsings, parseOptions, Path.Combine(folder, "obj", "GlobalUsings.g.cs")))
            .ToList();
        var options = new TestOptions(new[] { (Path.Combine(folder, ".editorconfig"), "root = true\n" + File.ReadAllText(Path.Combine(folder, ".editorconfig"))) });
        var compilation = AnalyzerTest.CreateCompilation(trees, options);
        AnalyzerTest.AssertCompiles(compilation, "sample");

        var diagnostics = await AnalyzerTest.RunAnalyzersAsync(compilation, RuleCatalogTests.Analyzers().ToList(), options);
        var found = diagnostics
            .Select(d => $"{Path.GetFileName(d.Location.SourceTree!.FilePath)}({d.Location.GetLineSpan().StartLinePosition.Line + 1}) {d.Id}")
            .ToList();
        Assert.Equal(new[]
        {
            "PaymentService.cs(6) CG1005",
            "PaymentService.cs(12) CG1006",
            "PaymentService.cs(12) CG1006",
            "PaymentService.cs(20) CG1001",
            "PaymentService.cs(23) CG1002",
            "ReportService.cs(8) CG1003",
            "ReportService.cs(13) CG1001",
            "ReportService.cs(14) CG1001",
            "ReportService.cs(19) CG1006",
            "ReportService.cs(21) CG1004",
        }, found);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity)); // CG1005 lowered by the sample's .editorconfig
    }
}
