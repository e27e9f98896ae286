using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ConfigGuard.Analyzers;

/// <summary>
/// Decides whether an expression holds "the current environment's name" and whether a constant is an
/// environment name. Name-based on purpose, so CG1001 works without Microsoft.Extensions.Hosting:
/// <c>IHostEnvironment.EnvironmentName</c>, any variable, parameter, field or property whose name has the word
/// env/environment, and reads of a declaration key (<c>Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")</c>,
/// <c>configuration["DOTNET_ENVIRONMENT"]</c>).
/// </summary>
internal static class EnvironmentExpressions
{
    private static readonly HashSet<string> EnvironmentWords = new(StringComparer.OrdinalIgnoreCase) { "env", "environment", "environmentname", "envname" };

    /// <summary>Normalization calls that keep the value's meaning (<c>env.ToLowerInvariant()</c>).</summary>
    internal static readonly HashSet<string> TransparentStringMethods = new(StringComparer.Ordinal)
    {
        "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "Trim", "ToString",
    };

    public static bool IsEnvironmentName(IOperation? operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local: return HasEnvironmentWord(local.Local.Name);
            case IParameterReferenceOperation parameter: return HasEnvironmentWord(parameter.Parameter.Name);
            case IFieldReferenceOperation field: return HasEnvironmentWord(field.Field.Name);
            case IPropertyReferenceOperation property:
                if (property.Property.IsIndexer) return IsDeclarationKeyArgument(property.Arguments);
                return HasEnvironmentWord(property.Property.Name);
            case IInvocationOperation invocation:
                if (invocation.TargetMethod.Name == "GetEnvironmentVariable"
                    && invocation.TargetMethod.ContainingType?.ToDisplayString() == "System.Environment")
                {
                    return IsDeclarationKeyArgument(invocation.Arguments);
                }
                // configuration.GetValue<string>("ASPNETCORE_ENVIRONMENT")
                if (invocation.TargetMethod.Name is "GetValue" or "GetSection") return IsDeclarationKeyArgument(invocation.Arguments);
                return false;
            case ICoalesceOperation coalesce: return IsEnvironmentName(coalesce.Value);
            default: return false;
        }
    }

    /// <summary>Class of a constant string that is an environment name (Production, stg, dev, test ...), else Unknown.</summary>
    public static EnvironmentClass ClassifyConstant(IOperation? operation, out string name)
    {
        name = "";
        operation = UnwrapConversions(operation);
        if (operation is null || !operation.ConstantValue.HasValue || operation.ConstantValue.Value is not string text) return EnvironmentClass.Unknown;
        var cls = RulePack.DefaultEnvironments.Classify(text);
        if (cls is EnvironmentClass.Production or EnvironmentClass.Staging or EnvironmentClass.Development or EnvironmentClass.Test)
        {
            name = text;
            return cls;
        }
        return EnvironmentClass.Unknown;
    }

    /// <summary>True when the first string argument is a constant environment declaration key.</summary>
    public static bool IsDeclarationKeyArgument(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            var value = UnwrapConversions(argument.Value);
            if (value?.ConstantValue.HasValue == true && value.ConstantValue.Value is string key) return IsDeclarationKey(key);
            return false;
        }
        return false;
    }

    public static bool IsDeclarationKey(string key) =>
        RulePack.DefaultEnvironments.DeclarationKeys.Contains(KeyNames.Normalize(key));

    /// <summary>True when a camelCase/PascalCase/snake_case identifier contains the word env or environment.</summary>
    public static bool HasEnvironmentWord(string identifier)
    {
        foreach (var word in Words(identifier))
        {
            if (EnvironmentWords.Contains(word)) return true;
        }
        return false;
    }

    /// <summary>Words of an identifier: <c>_currentEnvName</c> -> current, Env, Name; <c>ASPNETCORE_ENV</c> -> ASPNETCORE, ENV.</summary>
    public static List<string> Words(string identifier)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= identifier.Length; i++)
        {
            bool atEnd = i == identifier.Length;
            char c = atEnd ? '\0' : identifier[i];
            bool separator = atEnd || !char.IsLetterOrDigit(c);
            bool upperAfterLower = !separator && i > 0 && char.IsUpper(c) && char.IsLower(identifier[i - 1]);
            bool upperBeforeLower = !separator && i > 0 && i + 1 < identifier.Length && char.IsUpper(c) && char.IsUpper(identifier[i - 1]) && char.IsLower(identifier[i + 1]);
            if ((separator || upperAfterLower || upperBeforeLower) && start >= 0)
            {
                words.Add(identifier.Substring(start, i - start));
                start = -1;
            }
            if (!separator && start < 0) start = i;
        }
        return words;
    }

    /// <summary>Strips conversions, parentheses, <c>?.</c>/<c>!</c> and case/trim normalization calls.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            operation = UnwrapConversions(operation);
            switch (operation)
            {
                case IConditionalAccessOperation conditional:
                    operation = conditional.WhenNotNull;
                    continue;
                case IInvocationOperation invocation when invocation.Instance is not null
                    && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && TransparentStringMethods.Contains(invocation.TargetMethod.Name):
                    operation = invocation.Instance is IConditionalAccessInstanceOperation
                        ? FindConditionalReceiver(invocation)
                        : invocation.Instance;
                    continue;
                default:
                    return operation;
            }
        }
    }

    public static IOperation? UnwrapConversions(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }
        return operation;
    }

    private static IOperation? FindConditionalReceiver(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access) return access.Operation;
        }
        return null;
    }
}
