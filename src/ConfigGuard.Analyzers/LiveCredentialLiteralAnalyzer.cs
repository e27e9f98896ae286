using System.Collections.Immutable;
using ConfigGuard.Core.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1005: a live credential in a string literal, constant, attribute argument or the text part of an
/// interpolated string. The formats are the rule pack's credential catalog (the one CG0001 uses): only matches
/// whose pattern is <see cref="CredentialMode.Live"/> and secret are reported, so <c>sk_test_</c> keys and
/// publishable <c>pk_live_</c> keys are not, nor is a filler (<c>sk_live_xxxxxxxxxxxx</c>), judged by
/// <see cref="CredentialMatch.IsFiller"/> as the config rules judge it. The diagnostic covers exactly the matched characters and its message
/// shows the redacted value only. The provider is passed in the diagnostic's properties for the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LiveCredentialLiteralAnalyzer : DiagnosticAnalyzer
{
    public const string ProviderProperty = "Provider";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1005);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var catalog = RulePack.Default.Credentials; // loaded once per process, shared by every compilation
            start.RegisterSyntaxNodeAction(c => Analyze(c, catalog), LiteralText.Kinds);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, CredentialCatalog catalog)
    {
        if (!LiteralText.TryGet(context.Node, out var token, out var value)) return;
        foreach (var match in catalog.Scan(value))
        {
            if (match.Pattern.Mode != CredentialMode.Live || !match.Pattern.IsSecret || match.IsFiller) continue;
            var span = LiteralText.MapToSource(token, value, match.Index, match.Length);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ProviderProperty, match.Pattern.Provider);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1005,
                Location.Create(context.Node.SyntaxTree, span), properties, match.Pattern.Provider, match.Redacted));
        }
    }
}
