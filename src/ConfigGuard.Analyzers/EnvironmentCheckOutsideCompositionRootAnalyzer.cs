using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1002: <c>IsProduction()</c>, <c>IsStaging()</c> or <c>IsEnvironment("x")</c> (the Microsoft.Extensions.Hosting /
/// Microsoft.AspNetCore.Hosting extension methods) used as a condition (if, ?:, loop, switch guard, or an operand of
/// <c>&amp;&amp;</c>/<c>||</c>/<c>!</c> in one) outside the composition root. The composition root is top-level
/// statements, types named Program or Startup (and types nested in them), and the types listed in
/// <c>configguard.composition_root_types</c>. <c>IsDevelopment()</c> is never reported. Only a call spelled
/// <c>IsProduction</c>, <c>IsStaging</c> or <c>IsEnvironment</c> is handed to the semantic model; no operation tree is
/// built for other code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnvironmentCheckOutsideCompositionRootAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ExtensionTypeNames =
    {
        "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions",
        "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions",
        "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1002);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in ExtensionTypeNames)
            {
                if (start.Compilation.GetTypeByMetadataName(name) is { } type) builder.Add(type);
            }
            if (builder.Count == 0) return; // no Hosting in this compilation: nothing to find
            var extensionTypes = builder.ToImmutable();
            start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, extensionTypes), SyntaxKind.InvocationExpression);
        });
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> extensionTypes)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (EnvironmentSyntax.InvokedName(syntax) is not ("IsProduction" or "IsStaging" or "IsEnvironment")) return;
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation) return;
        var method = invocation.TargetMethod;
        if (method.Name is not ("IsProduction" or "IsStaging" or "IsEnvironment")) return;
        if (!extensionTypes.Contains(method.ContainingType.OriginalDefinition)) return;
        if (!IsCondition(invocation) || context.ContainingSymbol is not { } containing) return;

        var type = containing.ContainingType;
        if (IsCompositionRoot(context, type)) return;

        var call = method.Name == "IsEnvironment" && invocation.Arguments.Length > 1
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string name }
            ? $"IsEnvironment(\"{name}\")"
            : method.Name + "()";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1002,
            invocation.Syntax.GetLocation(), call, type?.Name ?? containing.Name));
    }

    /// <summary>Climbs through !, &amp;&amp;, ||, parentheses and conversions to the statement or expression that branches.</summary>
    private static bool IsCondition(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.And or BinaryOperatorKind.Or }:
                    current = parent;
                    continue;
                case IConditionalOperation conditional: return conditional.Condition == current;
                case IWhileLoopOperation loop: return loop.Condition == current;
                case IForLoopOperation loop: return loop.Condition == current;
                case ISwitchExpressionArmOperation arm: return arm.Guard == current;
                case IPatternCaseClauseOperation clause: return clause.Guard == current;
                default: return false;
            }
        }
    }

    private static bool IsCompositionRoot(SyntaxNodeAnalysisContext context, INamedTypeSymbol? type)
    {
        // Top-level statements: the synthesized entry point lives in the (implicitly declared) Program type.
        if (context.ContainingSymbol is IMethodSymbol { Name: "<Main>$" }) return true;
        var extra = ConfigGuardOptions.List(ConfigGuardOptions.Get(context.Options, context.Node.SyntaxTree, ConfigGuardOptions.CompositionRootTypes));
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.Name is "Program" or "Startup") return true;
            foreach (var name in extra)
            {
                if (string.Equals(t.Name, name, StringComparison.Ordinal)
                    || string.Equals(t.ToDisplayString(), name, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
