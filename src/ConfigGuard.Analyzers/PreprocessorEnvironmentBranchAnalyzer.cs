using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1004: a symbol in an <c>#if</c>/<c>#elif</c> condition that names an environment: PRODUCTION, PROD, STAGING,
/// STAGE (any case) and the symbols listed in <c>configguard.environment_symbols</c>. DEBUG/RELEASE and other
/// symbols are build modes, not environments, and are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreprocessorEnvironmentBranchAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> DefaultSymbols =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "PRODUCTION", "PROD", "STAGING", "STAGE");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1004);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        if (context.Tree.GetRoot(context.CancellationToken) is not CompilationUnitSyntax root || !root.ContainsDirectives) return;
        var extra = ConfigGuardOptions.List(ConfigGuardOptions.Get(context.Options, context.Tree, ConfigGuardOptions.EnvironmentSymbols));
        var symbols = extra.IsEmpty ? DefaultSymbols : DefaultSymbols.Union(extra);
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            var condition = directive switch
            {
                IfDirectiveTriviaSyntax ifDirective => ifDirective.Condition,
                ElifDirectiveTriviaSyntax elif => elif.Condition,
                _ => null,
            };
            if (condition is null) continue;
            foreach (var identifier in Identifiers(condition))
            {
                var name = identifier.Identifier.ValueText;
                if (symbols.Contains(name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1004, identifier.GetLocation(), name));
                }
            }
        }
    }

    private static IEnumerable<IdentifierNameSyntax> Identifiers(ExpressionSyntax condition)
    {
        if (condition is IdentifierNameSyntax single) return new[] { single };
        var list = new List<IdentifierNameSyntax>();
        foreach (var node in condition.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier) list.Add(identifier);
        }
        return list;
    }
}
