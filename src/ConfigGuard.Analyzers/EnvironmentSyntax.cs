using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Analyzers;

/// <summary>
/// Syntax-only prechecks for <see cref="EnvironmentExpressions"/>: what an expression must look like before the
/// semantic model is asked whether it is the environment's name or a constant environment name. Each test is a
/// superset of its semantic counterpart (it may say yes where the model then says no, never the reverse), so the
/// analyzers that use it (CG1001-CG1003) report what they reported from operation trees, while a method body with no
/// candidate is never bound again nor turned into operations on their behalf.
/// </summary>
internal static class EnvironmentSyntax
{
    /// <summary>
    /// Can <paramref name="expression"/> be what <see cref="EnvironmentExpressions.IsEnvironmentName"/> accepts: a
    /// variable, field or property whose name has the word env/environment, an indexer, a
    /// <c>GetEnvironmentVariable</c>/<c>GetValue</c>/<c>GetSection</c> call, through casts, <c>?.</c>, <c>??</c> and
    /// <c>ToLower()</c>-style calls?
    /// </summary>
    public static bool MayBeEnvironmentName(ExpressionSyntax? expression)
    {
        expression = Strip(expression);
        switch (expression)
        {
            case IdentifierNameSyntax name: return EnvironmentExpressions.HasEnvironmentWord(name.Identifier.ValueText);
            case GenericNameSyntax name: return EnvironmentExpressions.HasEnvironmentWord(name.Identifier.ValueText);
            case MemberAccessExpressionSyntax access: return EnvironmentExpressions.HasEnvironmentWord(access.Name.Identifier.ValueText);
            case MemberBindingExpressionSyntax binding: return EnvironmentExpressions.HasEnvironmentWord(binding.Name.Identifier.ValueText);
            case ConditionalAccessExpressionSyntax conditional:
                return MayBeEnvironmentName(conditional.WhenNotNull) || MayBeEnvironmentName(conditional.Expression);
            case ElementAccessExpressionSyntax or ElementBindingExpressionSyntax: return true; // an indexer: its key decides
            case InvocationExpressionSyntax invocation:
                var called = InvokedName(invocation);
                if (called is "GetEnvironmentVariable" or "GetValue" or "GetSection") return true;
                if (called is not null && EnvironmentExpressions.TransparentStringMethods.Contains(called))
                {
                    // env.ToLowerInvariant(): the receiver decides; inside ?. the conditional access's receiver is tried above.
                    return invocation.Expression is MemberAccessExpressionSyntax receiver && MayBeEnvironmentName(receiver.Expression);
                }
                return false;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression): return MayBeEnvironmentName(binary.Left);
            default: return false;
        }
    }

    /// <summary>
    /// Can <paramref name="expression"/> be a constant string that names an environment? A string literal is judged
    /// here (the rule pack's names); a name, member access, concatenation, interpolation, <c>?:</c> or <c>nameof</c> may
    /// be a constant and is left to the model; any other literal or expression is not.
    /// </summary>
    public static bool MayBeEnvironmentConstant(ExpressionSyntax? expression)
    {
        expression = Strip(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) && IsEnvironmentNameText(literal.Token.ValueText);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax:
            case InterpolatedStringExpressionSyntax or ConditionalExpressionSyntax:
                return true;
            case BinaryExpressionSyntax binary: return binary.IsKind(SyntaxKind.AddExpression);
            case InvocationExpressionSyntax invocation: return invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };
            default: return false;
        }
    }

    /// <summary>Text that <see cref="EnvironmentExpressions.ClassifyConstant"/> reads as an environment name.</summary>
    public static bool IsEnvironmentNameText(string text) =>
        RulePack.DefaultEnvironments.Classify(text) is EnvironmentClass.Production or EnvironmentClass.Staging
            or EnvironmentClass.Development or EnvironmentClass.Test;

    /// <summary>The simple name of the called method (<c>a.b.Equals(...)</c>, <c>GetValue&lt;T&gt;(...)</c>, <c>?.Trim()</c>), or null.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The receiver of a call: <c>a</c> in <c>a.Equals(b)</c> and in <c>a?.Equals(b)</c>; null for an unqualified call.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    /// <summary>Parentheses, casts, <c>as</c>, <c>!</c> and <c>checked()</c>: what <see cref="EnvironmentExpressions.UnwrapConversions"/> looks through.</summary>
    private static ExpressionSyntax? Strip(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p: expression = p.Expression; continue;
                case CastExpressionSyntax c: expression = c.Expression; continue;
                case CheckedExpressionSyntax c: expression = c.Expression; continue;
                case PostfixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.SuppressNullableWarningExpression): expression = u.Operand; continue;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AsExpression): expression = b.Left; continue;
                default: return expression;
            }
        }
    }
}
