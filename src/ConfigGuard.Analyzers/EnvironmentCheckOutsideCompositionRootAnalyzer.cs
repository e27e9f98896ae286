using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1002: <c>IsProduction()</c>, <c>IsStaging()</c> or <c>IsEnvironment("x")</c> (the Microsoft.Extensions.Hosting /
/// Microsoft.AspNetCore.Hosting extension methods) used as a condition (if, ?:, loop, switch guard, or an operand of
/// <c>&amp;&amp;</c>/<c>||</c>/<c>!</c> in one) outside the composition root. The composition root is top-level
/// statements, types named Program or Startup (and types nested in them), and the types listed in
/// <c>configguard.composition_root_types</c>. <c>IsDevelopment()</c> is never reported.
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
            start.RegisterOperationAction(c => AnalyzeInvocation(c, extensionTypes), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> extensionTypes)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("IsProduction" or "IsStaging" or "IsEnvironment")) return;
        if (!extensionTypes.Contains(method.ContainingType.OriginalDefinition)) return;
        if (!IsCondition(invocation)) return;

        var type = context.ContainingSymbol.ContainingType;
        if (IsCompositionRoot(context, type)) return;

        var call = method.Name == "IsEnvironment" && invocation.Arguments.Length > 1
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string name }
            ? $"IsEnvironment(\"{name}\")"
            : method.Name + "()";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1002,
            invocation.Syntax.GetLocation(), call, type?.Name ?? context.ContainingSymbol.Name));
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

    private static bool IsCompositionRoot(OperationAnalysisContext context, INamedTypeSymbol? type)
    {
        // Top-level statements: the synthesized entry point lives in the (implicitly declared) Program type.
        if (context.ContainingSymbol is IMethodSymbol { Name: "<Main>$" }) return true;
        var extra = ConfigGuardOptions.List(ConfigGuardOptions.Get(context.Options, context.Operation.Syntax.SyntaxTree, ConfigGuardOptions.CompositionRootTypes));
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
