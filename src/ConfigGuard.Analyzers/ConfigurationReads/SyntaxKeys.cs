using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Analyzers.ConfigurationReads;

/// <summary>
/// What syntax alone can prove about a project without building it (the CLI's mode): const string fields by name,
/// options classes (every partial part) by name, and which receivers are configuration. The differences from the
/// semantic model: a call is recognised by its name and a receiver whose name says configuration (<c>config</c>,
/// <c>configuration</c>, <c>builder.Configuration</c>, a local holding <c>GetSection(...)</c>), not by its type; a const
/// field is found by its simple name (two consts of one name with different values: the key is skipped); a property's
/// type is known only when it is a keyword, a well-known value type, or declared in the project.
/// </summary>
internal sealed class SyntaxKeys
{
    private readonly Dictionary<string, string?> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDeclarationSyntax>> _classes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _valueTypes = new(StringComparer.Ordinal);

    public SyntaxKeys(IReadOnlyList<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        foreach (var v in field.Declaration.Variables)
                        {
                            if (v.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } lit)
                                AddConstant(v.Identifier.ValueText, lit.Token.ValueText);
                        }
                        break;
                    case ClassDeclarationSyntax or RecordDeclarationSyntax:
                        var t = (TypeDeclarationSyntax)node;
                        if (!_classes.TryGetValue(t.Identifier.ValueText, out var list)) _classes[t.Identifier.ValueText] = list = new List<TypeDeclarationSyntax>();
                        list.Add(t);
                        break;
                    case StructDeclarationSyntax s:
                        _valueTypes.Add(s.Identifier.ValueText);
                        break;
                    case EnumDeclarationSyntax en:
                        _valueTypes.Add(en.Identifier.ValueText);
                        break;
                }
            }
        }
        // Consts whose initializers are other consts or nameof (public const string Section = nameof(StripeOptions)).
        foreach (var tree in trees)
        {
            foreach (var field in tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)))
            {
                foreach (var v in field.Declaration.Variables)
                {
                    if (v.Initializer?.Value is { } value and not LiteralExpressionSyntax && Constant(value) is { } c) AddConstant(v.Identifier.ValueText, c);
                }
            }
        }
    }

    private void AddConstant(string name, string value)
    {
        if (_constants.TryGetValue(name, out var existing) && existing != value) _constants[name] = null; // ambiguous
        else _constants[name] = value;
    }

    public IReadOnlyList<TypeDeclarationSyntax> Classes(string name) =>
        _classes.TryGetValue(name, out var list) ? list : (IReadOnlyList<TypeDeclarationSyntax>)Array.Empty<TypeDeclarationSyntax>();

    public bool IsEnumOrStruct(string name) => _valueTypes.Contains(name);

    public static string? SimpleName(TypeSyntax? type) => type switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        QualifiedNameSyntax q => SimpleName(q.Right),
        AliasQualifiedNameSyntax a => SimpleName(a.Name),
        PredefinedTypeSyntax p => p.Keyword.ValueText,
        NullableTypeSyntax n => SimpleName(n.ElementType),
        _ => null,
    };

    public static bool HasNullableEnable(SyntaxNode node) =>
        node.SyntaxTree.GetRoot().DescendantTrivia().Any(t => t.IsKind(SyntaxKind.NullableDirectiveTrivia)
            && t.GetStructure() is NullableDirectiveTriviaSyntax d && d.SettingToken.IsKind(SyntaxKind.EnableKeyword) && d.SpanStart < node.SpanStart);

    /// <summary>A string the expression is at compile time, when syntax can prove it.</summary>
    public string? Constant(ExpressionSyntax e)
    {
        switch (e)
        {
            case ParenthesizedExpressionSyntax p: return Constant(p.Expression);
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } lit: return lit.Token.ValueText;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 } n:
                return n.ArgumentList.Arguments[0].Expression switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    GenericNameSyntax g => g.Identifier.ValueText,
                    _ => null,
                };
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } b:
                return Constant(b.Left) is { } l && Constant(b.Right) is { } r ? l + r : null;
            case InterpolatedStringExpressionSyntax s:
                var sb = new StringBuilder();
                foreach (var part in s.Contents)
                {
                    if (part is InterpolatedStringTextSyntax text) sb.Append(text.TextToken.ValueText);
                    else if (part is InterpolationSyntax { AlignmentClause: null, FormatClause: null } i && Constant(i.Expression) is { } c) sb.Append(c);
                    else return null;
                }
                return sb.ToString();
            case IdentifierNameSyntax id:
                return IsLocalOrParameter(id) ? null : _constants.TryGetValue(id.Identifier.ValueText, out var v) ? v : null;
            case MemberAccessExpressionSyntax m:
                return _constants.TryGetValue(m.Name.Identifier.ValueText, out var mv) ? mv : null;
            default: return null;
        }
    }

    private static bool IsLocalOrParameter(IdentifierNameSyntax id)
    {
        var name = id.Identifier.ValueText;
        for (SyntaxNode? n = id.Parent; n is not null; n = n.Parent)
        {
            if (n is BaseMethodDeclarationSyntax method && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)) return true;
            if (n is LocalFunctionStatementSyntax lf && lf.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)) return true;
            if (n is TypeDeclarationSyntax { ParameterList: { } primary } && primary.Parameters.Any(p => p.Identifier.ValueText == name)) return true;
            if (n is SimpleLambdaExpressionSyntax sl && sl.Parameter.Identifier.ValueText == name) return true;
            if (n is ParenthesizedLambdaExpressionSyntax pl && pl.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)) return true;
            if (n is BlockSyntax or CompilationUnitSyntax && FindLocal(n, name, id) is not null) return true;
        }
        return false;
    }

    /// <summary>The declarator of a local of that name declared in the block before the use.</summary>
    private static VariableDeclaratorSyntax? FindLocal(SyntaxNode scope, string name, SyntaxNode use) =>
        scope.DescendantNodes(n => n == scope || n is not (BaseMethodDeclarationSyntax or TypeDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<VariableDeclaratorSyntax>()
            .LastOrDefault(v => v.Identifier.ValueText == name && v.SpanStart < use.SpanStart && v.Parent?.Parent is LocalDeclarationStatementSyntax);

    /// <summary>Syntax-mode <c>SectionPath</c>: see <see cref="SyntaxKeys"/> for what counts as configuration.</summary>
    public string? SectionPathOf(ExpressionSyntax e, int depth, Func<ExpressionSyntax, int, string?> fromInitializer)
    {
        switch (e)
        {
            case IdentifierNameSyntax id:
                for (SyntaxNode? n = id.Parent; n is not null; n = n.Parent)
                {
                    if (n is BlockSyntax or CompilationUnitSyntax && FindLocal(n, id.Identifier.ValueText, id) is { } local)
                    {
                        if (local.Initializer?.Value is not { } init) return null;
                        return fromInitializer(init, depth);
                    }
                }
                var declared = DeclaredTypeName(id);
                if (declared is "IConfiguration" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager") return "";
                if (declared is not null) return null;
                return LooksLikeConfiguration(id.Identifier.ValueText) ? "" : null;
            case MemberAccessExpressionSyntax m:
                return m.Name.Identifier.ValueText is "Configuration" or "Config" || LooksLikeConfiguration(m.Name.Identifier.ValueText) ? "" : null;
            default:
                return null;
        }
    }

    /// <summary>The type an identifier is declared with, when it is a parameter, field or property in scope.</summary>
    private static string? DeclaredTypeName(IdentifierNameSyntax id) => SimpleName(DeclaredType(id));

    private static TypeSyntax? DeclaredType(IdentifierNameSyntax id)
    {
        var name = id.Identifier.ValueText;
        for (SyntaxNode? n = id.Parent; n is not null; n = n.Parent)
        {
            ParameterListSyntax? parameters = n switch
            {
                BaseMethodDeclarationSyntax m => m.ParameterList,
                LocalFunctionStatementSyntax lf => lf.ParameterList,
                ParenthesizedLambdaExpressionSyntax pl => pl.ParameterList,
                TypeDeclarationSyntax t => t.ParameterList,
                _ => null,
            };
            if (parameters?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter) return parameter.Type;
            if (n is TypeDeclarationSyntax type)
            {
                foreach (var f in type.Members.OfType<FieldDeclarationSyntax>())
                    if (f.Declaration.Variables.Any(v => v.Identifier.ValueText == name)) return f.Declaration.Type;
                foreach (var p in type.Members.OfType<PropertyDeclarationSyntax>())
                    if (p.Identifier.ValueText == name) return p.Type;
            }
        }
        return null;
    }

    private static bool LooksLikeConfiguration(string name)
    {
        var n = name.TrimStart('_');
        return n.Equals("config", StringComparison.OrdinalIgnoreCase) || n.Equals("configuration", StringComparison.OrdinalIgnoreCase)
            || n.EndsWith("Configuration", StringComparison.Ordinal) || n.EndsWith("Config", StringComparison.Ordinal) || n == "cfg";
    }

    /// <summary>The declared type of a Bind target: <c>new T()</c>, or a local/field declared as <c>T x</c> or <c>= new T()</c>.</summary>
    public TypeSyntax? TypeOfInstance(ExpressionSyntax instance)
    {
        switch (instance)
        {
            case ObjectCreationExpressionSyntax o: return o.Type;
            case IdentifierNameSyntax id:
                for (SyntaxNode? n = id.Parent; n is not null; n = n.Parent)
                {
                    if (n is BlockSyntax or CompilationUnitSyntax && FindLocal(n, id.Identifier.ValueText, id) is { } local)
                    {
                        if (local.Initializer?.Value is ObjectCreationExpressionSyntax lo) return lo.Type;
                        return local.Parent is VariableDeclarationSyntax { Type: { IsVar: false } t } ? t : null;
                    }
                }
                return DeclaredType(id);
            default: return null;
        }
    }
}
