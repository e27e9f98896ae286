using System;
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
            var catalog = RulePack.DefaultCredentials; // built once per process (without the rest of the pack), shared by every compilation
            var reported = ReportedKeywords.Value;
            start.RegisterSyntaxNodeAction(c => Analyze(c, catalog, reported), LiteralText.Kinds);
        });
    }

    /// <summary>
    /// The keywords of the formats this rule reports (live and secret): a literal holding none of them cannot be a
    /// finding, so it skips the catalog's scan (its own keyword pass over every format, then the regexes).
    /// </summary>
    private static readonly Lazy<KeywordIndex> ReportedKeywords = new(() =>
        RulePack.DefaultCredentials.KeywordIndexOf(p => p.Mode == CredentialMode.Live && p.IsSecret));

    private static void Analyze(SyntaxNodeAnalysisContext context, CredentialCatalog catalog, KeywordIndex reported)
    {
        if (!LiteralText.TryGet(context.Node, out var token, out var value)) return;
        if (!reported.ContainsAny(value)) return;
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
