using System.Collections.Immutable;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1001: a comparison, <c>Equals</c> call, <c>switch</c> or <c>is</c> pattern between the current environment's
/// name (see <see cref="EnvironmentExpressions"/>) and a constant environment name. A literal "Production" that is
/// never compared with an environment (a label, a log message) is left alone. Works without Microsoft.Extensions.Hosting.
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
        context.RegisterOperationAction(AnalyzeBinary, OperationKind.Binary);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeSwitch, OperationKind.Switch);
        context.RegisterOperationAction(AnalyzeSwitchExpression, OperationKind.SwitchExpression);
        context.RegisterOperationAction(AnalyzeIsPattern, OperationKind.IsPattern);
    }

    private static void AnalyzeBinary(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
        ReportPair(context, binary.LeftOperand, binary.RightOperand, binary.Syntax);
    }

    // env.Equals("Production"), string.Equals(env, "Staging", StringComparison.OrdinalIgnoreCase),
    // StringComparer.OrdinalIgnoreCase.Equals(env, "prod"), "Production".Equals(env)
    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Equals") return;
        IOperation? first = null, second = null;
        int count = 0;
        if (invocation.Instance is { } instance && IsString(instance)) Add(instance, ref first, ref second, ref count);
        foreach (var argument in invocation.Arguments)
        {
            if (IsString(argument.Value)) Add(argument.Value, ref first, ref second, ref count);
        }
        if (count == 2) ReportPair(context, first!, second!, invocation.Syntax);
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context)
    {
        var switchOperation = (ISwitchOperation)context.Operation;
        if (!EnvironmentExpressions.IsEnvironmentName(switchOperation.Value)) return;
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

    private static void AnalyzeSwitchExpression(OperationAnalysisContext context)
    {
        var switchExpression = (ISwitchExpressionOperation)context.Operation;
        if (!EnvironmentExpressions.IsEnvironmentName(switchExpression.Value)) return;
        foreach (var arm in switchExpression.Arms) ReportPattern(context, arm.Pattern);
    }

    private static void AnalyzeIsPattern(OperationAnalysisContext context)
    {
        var isPattern = (IIsPatternOperation)context.Operation;
        if (EnvironmentExpressions.IsEnvironmentName(isPattern.Value)) ReportPattern(context, isPattern.Pattern);
    }

    private static void ReportPattern(OperationAnalysisContext context, IPatternOperation? pattern)
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

    private static void ReportConstant(OperationAnalysisContext context, IOperation value)
    {
        var cls = EnvironmentExpressions.ClassifyConstant(value, out var name);
        if (cls == EnvironmentClass.Unknown) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CG1001, value.Syntax.GetLocation(), name, cls.ToName()));
    }

    private static void ReportPair(OperationAnalysisContext context, IOperation left, IOperation right, SyntaxNode node)
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
