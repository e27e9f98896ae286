using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1003: <c>Environment.GetEnvironmentVariable(key)</c> where <c>key</c> is a constant environment declaration key
/// of the rule pack (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, ENVIRONMENT, APP_ENV ... compared after
/// <c>KeyNames.Normalize</c>). Any other variable (a secret, a port) is not this rule's business. Only a call spelled
/// <c>GetEnvironmentVariable(...)</c> is handed to the semantic model; no operation tree is built for other code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnvironmentNameFromProcessAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1003);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var environment = start.Compilation.GetTypeByMetadataName("System.Environment");
            if (environment is null) return;
            start.RegisterSyntaxNodeAction(c => Analyze(c, environment), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol environment)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (syntax.ArgumentList.Arguments.Count == 0 || EnvironmentSyntax.InvokedName(syntax) != "GetEnvironmentVariable") return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation) return;
        if (invocation.TargetMethod.Name != "GetEnvironmentVariable"
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, environment)
            || invocation.Arguments.Length == 0) return;
        var key = EnvironmentExpressions.UnwrapConversions(invocation.Arguments[0].Value);
        if (key?.ConstantValue.HasValue != true || key.ConstantValue.Value is not string name) return;
        if (!EnvironmentExpressions.IsDeclarationKey(name)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1003, invocation.Syntax.GetLocation(), name));
    }
}
