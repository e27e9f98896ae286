using System.Collections.Immutable;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1001: a comparison, <c>Equals</c> call, <c>switch</c> or <c>is</c> pattern between the current environment's
/// name (see <see cref="EnvironmentExpressions"/>) and a constant environment name. A literal "Production" that is
/// never compared with an environment (a label, a log message) is left alone. Works without Microsoft.Extensions.Hosting.
/// Syntax first: only a comparison whose operands can be an environment's name and an environment-name constant
/// (<see cref="EnvironmentSyntax"/>) is handed to the semantic model, so the analyzer builds no operation tree for the
/// rest of the code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedEnvironmentBranchAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1001);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeBinary, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(AnalyzeSwitch, SyntaxKind.SwitchStatement);
        context.RegisterSyntaxNodeAction(AnalyzeSwitchExpression, SyntaxKind.SwitchExpression);
        context.RegisterSyntaxNodeAction(AnalyzeIsPattern, SyntaxKind.IsPatternExpression);
    }

    private static void AnalyzeBinary(SyntaxNodeAnalysisContext context)
    {
        var syntax = (BinaryExpressionSyntax)context.Node;
        if (!IsCandidatePair(syntax.Left, syntax.Right)) return;
        if (Operation(context) is not IBinaryOperation binary) return;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
        ReportPair(context, binary.LeftOperand, binary.RightOperand, binary.Syntax);
    }

    // env.Equals("Production"), string.Equals(env, "Staging", StringComparison.OrdinalIgnoreCase),
    // StringComparer.OrdinalIgnoreCase.Equals(env, "prod"), "Production".Equals(env)
    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (EnvironmentSyntax.InvokedName(syntax) != "Equals" || !IsCandidateCall(syntax)) return;
        if (Operation(context) is not IInvocationOperation invocation || invocation.TargetMethod.Name != "Equals") return;
        IOperation? first = null, second = null;
        int count = 0;
        if (invocation.Instance is { } instance && IsString(instance)) Add(instance, ref first, ref second, ref count);
        foreach (var argument in invocation.Arguments)
        {
            if (IsString(argument.Value)) Add(argument.Value, ref first, ref second, ref count);
        }
        if (count == 2) ReportPair(context, first!, second!, invocation.Syntax);
    }

    private static void AnalyzeSwitch(SyntaxNodeAnalysisContext context)
    {
        if (!EnvironmentSyntax.MayBeEnvironmentName(((SwitchStatementSyntax)context.Node).Expression)) return;
        if (Operation(context) is not ISwitchOperation switchOperation || !EnvironmentExpressions.IsEnvironmentName(switchOperation.Value)) return;
        foreach (var section in switchOperation.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single: ReportConstant(context, single.Value); break;
                    case IPatternCaseClauseOperation pattern: ReportPattern(context, pattern.Pattern); break;
                }
            }
        }
    }

    private static void AnalyzeSwitchExpression(SyntaxNodeAnalysisContext context)
    {
        if (!EnvironmentSyntax.MayBeEnvironmentName(((SwitchExpressionSyntax)context.Node).GoverningExpression)) return;
        if (Operation(context) is not ISwitchExpressionOperation switchExpression || !EnvironmentExpressions.IsEnvironmentName(switchExpression.Value)) return;
        foreach (var arm in switchExpression.Arms) ReportPattern(context, arm.Pattern);
    }

    private static void AnalyzeIsPattern(SyntaxNodeAnalysisContext context)
    {
        if (!EnvironmentSyntax.MayBeEnvironmentName(((IsPatternExpressionSyntax)context.Node).Expression)) return;
        if (Operation(context) is IIsPatternOperation isPattern && EnvironmentExpressions.IsEnvironmentName(isPattern.Value)) ReportPattern(context, isPattern.Pattern);
    }

    /// <summary>The operation of the node, asked only once its syntax is a candidate.</summary>
    private static IOperation? Operation(SyntaxNodeAnalysisContext context) =>
        context.SemanticModel.GetOperation(context.Node, context.CancellationToken);

    /// <summary>One operand can be the environment's name and the other an environment-name constant.</summary>
    private static bool IsCandidatePair(ExpressionSyntax left, ExpressionSyntax right) =>
        (EnvironmentSyntax.MayBeEnvironmentConstant(right) && EnvironmentSyntax.MayBeEnvironmentName(left))
        || (EnvironmentSyntax.MayBeEnvironmentConstant(left) && EnvironmentSyntax.MayBeEnvironmentName(right));

    /// <summary>Among the receiver and the arguments, one can be the environment's name and another an environment-name constant.</summary>
    private static bool IsCandidateCall(InvocationExpressionSyntax syntax)
    {
        var receiver = EnvironmentSyntax.Receiver(syntax);
        bool constant = EnvironmentSyntax.MayBeEnvironmentConstant(receiver), name = EnvironmentSyntax.MayBeEnvironmentName(receiver);
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            constant |= EnvironmentSyntax.MayBeEnvironmentConstant(argument.Expression);
            name |= EnvironmentSyntax.MayBeEnvironmentName(argument.Expression);
        }
        return constant && name;
    }

    private static void ReportPattern(SyntaxNodeAnalysisContext context, IPatternOperation? pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant: ReportConstant(context, constant.Value); break;
            case IBinaryPatternOperation binary:
                ReportPattern(context, binary.LeftPattern);
                ReportPattern(context, binary.RightPattern);
                break;
            case INegatedPatternOperation negated: ReportPattern(context, negated.Pattern); break;
        }
    }

    private static void ReportConstant(SyntaxNodeAnalysisContext context, IOperation value)
    {
        var cls = EnvironmentExpressions.ClassifyConstant(value, out var name);
        if (cls == EnvironmentClass.Unknown) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1001, value.Syntax.GetLocation(), name, cls.ToName()));
    }

    private static void ReportPair(SyntaxNodeAnalysisContext context, IOperation left, IOperation right, SyntaxNode node)
    {
        var cls = EnvironmentExpressions.ClassifyConstant(right, out var name);
        var other = left;
        if (cls == EnvironmentClass.Unknown)
        {
            cls = EnvironmentExpressions.ClassifyConstant(left, out name);
            other = right;
        }
        if (cls == EnvironmentClass.Unknown || !EnvironmentExpressions.IsEnvironmentName(other)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1001, node.GetLocation(), name, cls.ToName()));
    }

    private static bool IsString(IOperation operation) =>
        EnvironmentExpressions.UnwrapConversions(operation)?.Type?.SpecialType == SpecialType.System_String;

    private static void Add(IOperation operation, ref IOperation? first, ref IOperation? second, ref int count)
    {
        if (count == 0) first = operation;
        else if (count == 1) second = operation;
        count++;
    }
}
