using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// Runs every ConfigGuard analyzer over ConfigGuard's own source (Core, the analyzers and the code fixes): it must
/// compile, no analyzer may throw (AD0001), and the findings are listed so a change in them is visible.
/// </summary>
public class OwnSourceTests
{
    [Theory]
    [InlineData("ConfigGuard.Core")]
    [InlineData("ConfigGuard.Analyzers")]
    [InlineData("ConfigGuard.CodeFixes")]
    public async Task Analyzers_run_over_our_own_projects_without_AD0001(string project)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parseOptions, f)).ToList();
        // The projects' dependencies are next to this test assembly.
        var here = AppContext.BaseDirectory;
        var extra = new[] { "YamlDotNet.dll", "ConfigGuard.Core.dll", "ConfigGuard.Analyzers.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll", "Microsoft.CodeAnalysis.Workspaces.dll", "Microsoft.CodeAnalysis.CSharp.Workspaces.dll", "System.Composition.AttributedModel.dll" }
            .Where(n => n != project + ".dll")
            .Select(n => Path.Combine(here, n))
            .Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var options = new TestOptions(Array.Empty<(string, string)>());
        var compilation = AnalyzerTest.CreateCompilation(trees, options, extra).WithAssemblyName(project);
        AnalyzerTest.AssertCompiles(compilation, project + " source");

        var analyzers = RuleCatalogTests.Analyzers().ToList();
        var diagnostics = await AnalyzerTest.RunAnalyzersAsync(compilation, analyzers, options);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // Our own code must not branch on environments nor hold live keys or production endpoints.
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }
}
