using ConfigGuard.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>The verifier must fail loudly: a verifier that passes everything would make every other test worthless.</summary>
public class VerifierTests
{
    [Fact]
    public void Markup_reads_all_three_forms_and_leaves_braces_alone()
    {
        var (source, spans) = Markup.Parse("a [|b|] {|CG1001:c {|#0:d|}|} e { |x| } {|f|}");
        Assert.Equal("a b c d e { |x| } {|f|}", source);
        Assert.Equal(new[] { new MarkedSpan(null, null, new TextSpan(2, 1)), new MarkedSpan(null, 0, new TextSpan(6, 1)), new MarkedSpan("CG1001", null, new TextSpan(4, 3)) }, spans);
    }

    [Fact]
    public async Task Fails_when_an_expected_diagnostic_is_missing() =>
        await Assert.ThrowsAnyAsync<XunitException>(() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
            class C { bool A(string env) => [|env == "blue"|]; }
            """));

    [Fact]
    public async Task Fails_on_an_unexpected_diagnostic() =>
        await Assert.ThrowsAnyAsync<XunitException>(() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
            class C { bool A(string env) => env == "Production"; }
            """));

    [Fact]
    public async Task Fails_on_a_span_that_is_off_by_one() =>
        await Assert.ThrowsAnyAsync<XunitException>(() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
            class C { bool A(string env) => [|env == "Production"|] ; }
            """.Replace("\"|]", "|]\"")));

    [Fact]
    public async Task Fails_when_the_test_source_does_not_compile()
    {
        var e = await Assert.ThrowsAnyAsync<XunitException>(() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
            class C { bool A(string env) => env == Production; }
            """));
        Assert.Contains("does not compile", e.Message);
    }

    [Fact]
    public async Task Fails_on_an_analyzer_exception() =>
        await Assert.ThrowsAnyAsync<XunitException>(() => Verify.AnalyzerAsync<ThrowingAnalyzer>("class C { }"));

    [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        public override System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics =>
            System.Collections.Immutable.ImmutableArray.Create(DiagnosticDescriptors.CG1001);

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("boom"));
        }
    }
}
