using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.CodeKeys;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Analyzers.ConfigurationReads;

/// <summary>One key an options type asks the binder for (relative to the bound section).</summary>
internal readonly struct OptionsKey
{
    public OptionsKey(string key, ConfigKeyRequirement requirement, bool isSection, string via)
    {
        Key = key;
        Requirement = requirement;
        IsSection = isSection;
        Via = via;
    }

    public string Key { get; }
    public ConfigKeyRequirement Requirement { get; }
    public bool IsSection { get; }
    public string Via { get; }
}

/// <summary>
/// The keys the configuration binder sets on an options type: public properties with a setter (or init), named by
/// <c>[ConfigurationKeyName]</c> when present, nested option classes as sub-sections (3 levels at most). A property is
/// <see cref="ConfigKeyRequirement.Required"/> when it has <c>[Required]</c> or the C# <c>required</c> modifier, or is a
/// non-nullable reference without an initializer (<c>= null!</c> counts as none); an initializer or a value type
/// (the binder leaves default(T)) is a default; a nullable one is optional. Collections are optional sections.
/// </summary>
internal sealed class OptionsTypeReader
{
    private const int MaxDepth = 3;
    private readonly SyntaxKeys? _syntax;
    private readonly bool _nullableEnabled;

    public OptionsTypeReader(SyntaxKeys? syntax, bool nullableEnabled)
    {
        _syntax = syntax;
        _nullableEnabled = nullableEnabled;
    }

    public List<OptionsKey>? FromSymbol(INamedTypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return null;
        var list = new List<OptionsKey>();
        AddSymbol(type, "", list, 0);
        return list;
    }

    private void AddSymbol(INamedTypeSymbol type, string prefix, List<OptionsKey> list, int depth)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (p.IsStatic || p.IsIndexer || p.DeclaredAccessibility != Accessibility.Public || p.SetMethod is null
                    || p.SetMethod.DeclaredAccessibility != Accessibility.Public || !seen.Add(p.Name)) continue;
                var attributes = p.GetAttributes();
                var name = attributes.FirstOrDefault(a => a.AttributeClass?.Name == "ConfigurationKeyNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string ?? p.Name;
                bool required = attributes.Any(a => a.AttributeClass?.Name == "RequiredAttribute") || p.IsRequired;
                bool initialized = p.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer.Value: var v } && !IsNullForgiven(v));
                var key = ConfigurationReadExtractor.Join(prefix, name);
                var via = type.Name + "." + p.Name;
                var pt = p.Type;
                if (IsCollection(pt))
                {
                    list.Add(new OptionsKey(key, required ? ConfigKeyRequirement.Required : ConfigKeyRequirement.Optional, true, via));
                    continue;
                }
                if (pt is INamedTypeSymbol nested && IsOptionsClass(nested))
                {
                    if (depth < MaxDepth) AddSymbol(nested, key, list, depth + 1);
                    continue;
                }
                ConfigKeyRequirement requirement;
                if (required) requirement = ConfigKeyRequirement.Required;
                else if (initialized) requirement = ConfigKeyRequirement.Defaulted;
                else if (pt.NullableAnnotation == NullableAnnotation.Annotated || pt.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) requirement = ConfigKeyRequirement.Optional;
                else if (pt.IsValueType) requirement = ConfigKeyRequirement.Defaulted;
                else if (pt.NullableAnnotation == NullableAnnotation.NotAnnotated) requirement = ConfigKeyRequirement.Required;
                else requirement = ConfigKeyRequirement.Optional;
                list.Add(new OptionsKey(key, requirement, false, via));
            }
        }
    }

    private static bool IsOptionsClass(INamedTypeSymbol t) =>
        t.TypeKind == TypeKind.Class && t.SpecialType == SpecialType.None && t.ContainingNamespace?.ToDisplayString() is { } ns
        && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal);

    private static bool IsCollection(ITypeSymbol t) =>
        t is IArrayTypeSymbol
        || (t.SpecialType != SpecialType.System_String && t.AllInterfaces.Any(i => i.Name == "IEnumerable" && i.ContainingNamespace?.ToDisplayString() == "System.Collections"));

    private static bool IsNullForgiven(ExpressionSyntax v) =>
        v is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } };

    // ---- syntax mode ----

    private static readonly HashSet<string> ValueTypeNames = new(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
        "Boolean", "Int16", "Int32", "Int64", "UInt16", "UInt32", "UInt64", "Single", "Double", "Decimal", "Char",
        "TimeSpan", "DateTime", "DateTimeOffset", "Guid", "DateOnly", "TimeOnly",
    };

    private static readonly HashSet<string> CollectionNames = new(StringComparer.Ordinal)
    {
        "List", "IList", "IEnumerable", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "Dictionary", "IDictionary",
        "IReadOnlyDictionary", "HashSet", "ISet", "ImmutableArray", "ImmutableList", "ImmutableDictionary",
    };

    public List<OptionsKey>? FromSyntax(TypeSyntax type)
    {
        var name = SyntaxKeys.SimpleName(type);
        if (name is null || _syntax!.Classes(name) is not { Count: > 0 }) return null;
        var list = new List<OptionsKey>();
        AddSyntax(name, "", list, 0);
        return list;
    }

    private void AddSyntax(string typeName, string prefix, List<OptionsKey> list, int depth)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in _syntax!.Classes(typeName))
        {
            bool nullable = _nullableEnabled || SyntaxKeys.HasNullableEnable(declaration);
            foreach (var p in declaration.Members.OfType<PropertyDeclarationSyntax>())
            {
                if (!p.Modifiers.Any(SyntaxKind.PublicKeyword) || p.Modifiers.Any(SyntaxKind.StaticKeyword)) continue;
                var setter = p.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText is "set" or "init");
                if (setter is null || setter.Modifiers.Count > 0 || !seen.Add(p.Identifier.ValueText)) continue;
                var attributes = p.AttributeLists.SelectMany(l => l.Attributes).ToList();
                var keyName = attributes.FirstOrDefault(a => AttributeName(a) == "ConfigurationKeyName")?.ArgumentList?.Arguments.FirstOrDefault()?.Expression is { } arg
                    ? _syntax.Constant(arg) ?? p.Identifier.ValueText : p.Identifier.ValueText;
                bool required = attributes.Any(a => AttributeName(a) == "Required") || p.Modifiers.Any(SyntaxKind.RequiredKeyword);
                bool initialized = p.Initializer is { Value: var v } && !IsNullForgiven(v);
                var key = ConfigurationReadExtractor.Join(prefix, keyName);
                var via = typeName + "." + p.Identifier.ValueText;
                var pt = p.Type;
                var ptName = SyntaxKeys.SimpleName(pt is NullableTypeSyntax n ? n.ElementType : pt);
                if (pt is ArrayTypeSyntax || (ptName is not null && CollectionNames.Contains(ptName)))
                {
                    list.Add(new OptionsKey(key, required ? ConfigKeyRequirement.Required : ConfigKeyRequirement.Optional, true, via));
                    continue;
                }
                if (ptName is not null && ptName != typeName && _syntax.Classes(ptName).Count > 0)
                {
                    if (depth < MaxDepth) AddSyntax(ptName, key, list, depth + 1);
                    continue;
                }
                ConfigKeyRequirement requirement;
                if (required) requirement = ConfigKeyRequirement.Required;
                else if (initialized) requirement = ConfigKeyRequirement.Defaulted;
                else if (pt is NullableTypeSyntax) requirement = ConfigKeyRequirement.Optional;
                else if (ptName is not null && (ValueTypeNames.Contains(ptName) || _syntax.IsEnumOrStruct(ptName))) requirement = ConfigKeyRequirement.Defaulted;
                else if (ptName is "string" or "String" or "Uri" && nullable) requirement = ConfigKeyRequirement.Required;
                else requirement = ConfigKeyRequirement.Optional;
                list.Add(new OptionsKey(key, requirement, false, via));
            }
        }
    }

    private static string AttributeName(AttributeSyntax a)
    {
        var n = SyntaxKeys.SimpleName(a.Name) ?? "";
        return n.EndsWith("Attribute", StringComparison.Ordinal) ? n.Substring(0, n.Length - "Attribute".Length) : n;
    }
}
