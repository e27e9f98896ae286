using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// Code as it looks while someone types in the IDE: every analyzer must survive it without AD0001. The sample app's
/// sources are cut at many points (half-written statements, unclosed strings and braces, dangling #if), plus odd but
/// valid shapes (partial declarations, top-level statements, records, raw and UTF-8 literals, nested interpolation).
/// </summary>
public class IncompleteCodeTests
{
    private static readonly string[] Odd =
    {
        "partial class P { partial void M(); } partial class P { partial void M() { var env = \"x\"; if (env == \"Production\") { } } }",
        "var env = System.Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\");\nif (env is \"Production\" or \"Staging\") System.Console.WriteLine();\nrecord R(string Environment);",
        "class C { const string K = \"\"\"\n  sk_live_FAKEFAKEFAKEFAKEFAKE0000\n  \"\"\"; string U = $\"postgres://u@{(true ? \"prod-db\" : $\"{1}\")}/x\"; }",
        "#if PRODUCTION\nclass A {\n#elif\n}\n#endif\nclass B { void M(string environment) { switch (environment) { case \"prod\": break; case } } }",
        "class C { void M(Microsoft.Extensions.Hosting.IHostEnvironment e) { if (e.IsEnvironment( }",
        "[System.Obsolete(\"sk_live_FAKEFAKEFAKEFAKEFAKE0000\")] class D { string s = \"\\u0073k_live_FAKEFAKEFAKEFAKEFAKE0000\"; }",
    };

    public static IEnumerable<object[]> Cuts()
    {
        var folder = Path.Combine(RepoPaths.Samples, "aspnet-app");
        foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            for (int at = 7; at < text.Length; at += Math.Max(1, text.Length / 20))
                yield return new object[] { Path.GetFileName(file), at };
        }
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_sample_source_never_throws(string file, int at)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, "aspnet-app", file))[..at];
        await AssertNoAnalyzerException(text);
    }

    [Fact]
    public async Task Odd_shapes_never_throw()
    {
        foreach (var text in Odd) await AssertNoAnalyzerException(text);
    }

    private static async Task AssertNoAnalyzerException(string text)
    {
        var options = new TestOptions(Array.Empty<(string, string)>());
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(text), new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "STAGING" }), "/src/Typing.cs");
        var compilation = AnalyzerTest.CreateCompilation(new[] { tree }, options)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var diagnostics = await AnalyzerTest.RunAnalyzersAsync(compilation, RuleCatalogTests.Analyzers().ToList(), options);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
