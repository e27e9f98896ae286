using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1006: a production host, database or bucket inside a URL, connection string or Redis configuration written
/// as a string literal (or the text part of an interpolated string). Extraction and evidence are Core's
/// (<see cref="EndpointExtractor"/>, <see cref="EndpointClassifier"/>): token based, so <c>product-api</c> or
/// <c>reproduce.example.com</c> are not production, and the provider catalog's live endpoints are.
/// <c>configguard.production_hosts</c> adds exact production hosts. The diagnostic covers the host or database only.
/// A literal runs through the extractor only when it passes <see cref="EndpointClassifier.MayNameProduction"/> (one
/// keyword pass: a production token, a live provider host or a listed host must occur in it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProductionEndpointLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1006);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // One evidence object per distinct configguard.production_hosts value seen in this compilation.
            var evidenceByOption = new ConcurrentDictionary<string, EndpointClassifier>();
            start.RegisterSyntaxNodeAction(c => Analyze(c, evidenceByOption), LiteralText.Kinds);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ConcurrentDictionary<string, EndpointClassifier> evidenceByOption)
    {
        if (!LiteralText.TryGet(context.Node, out var token, out var value)) return;
        // Cheap prefilter: every shape the extractor understands has one of these characters.
        if (value.IndexOf(':') < 0 && value.IndexOf('=') < 0) return;
        var option = ConfigGuardOptions.Get(context.Options, context.Node.SyntaxTree, ConfigGuardOptions.ProductionHosts) ?? "";
        var evidence = evidenceByOption.GetOrAdd(option, o => new EndpointClassifier(RulePack.DefaultEndpoints, RulePack.DefaultEnvironments, ConfigGuardOptions.List(o)));
        // Keyword prefilter: a literal holding no production token, live provider host or listed host cannot be a finding.
        if (!evidence.MayNameProduction(value)) return;
        var parts = EndpointExtractor.Extract("", value, RulePack.DefaultKeys);
        if (parts.Count == 0) return;

        foreach (var part in parts)
        {
            var reason = evidence.ProductionReason(part);
            if (reason is null) continue;
            if (reason.StartsWith("listed as a production host", System.StringComparison.Ordinal))
            {
                reason = "listed in configguard.production_hosts";
            }
            var span = LiteralText.MapToSource(token, value, part.Index, part.Length);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1006,
                Location.Create(context.Node.SyntaxTree, span), part.KindName, part.Text, reason));
        }
    }
}
