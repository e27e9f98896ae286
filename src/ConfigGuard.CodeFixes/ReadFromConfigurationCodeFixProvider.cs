using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConfigGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.CodeFixes;

/// <summary>
/// CG1005/CG1006: replaces the string literal that holds a live credential or a production endpoint with a
/// configuration lookup. With an <c>IConfiguration</c> parameter, local, field or property in scope (instance members
/// only from instance code) the literal becomes <c>configuration["Stripe:SecretKey"]</c>; otherwise
/// <c>Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY")</c>. The key comes from the variable, member,
/// parameter or method the literal is assigned to (<see cref="ConfigurationKeyName"/>). No fix is offered where an
/// expression cannot stand (const, attribute argument, default parameter value, case label) or inside an
/// interpolated string.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadFromConfigurationCodeFixProvider)), Shared]
public sealed class ReadFromConfigurationCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "ConfigGuard.ReadFromConfiguration";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CG1005.Id, DiagnosticDescriptors.CG1006.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (token.Parent is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
            if (!CanBeReplaced(literal)) continue;

            var name = NameFor(literal, model, context.CancellationToken)
                ?? (diagnostic.Id == DiagnosticDescriptors.CG1005.Id
                    ? Provider(diagnostic) + "SecretKey"
                    : "DefaultConnectionString");
            var key = ConfigurationKeyName.From(name);
            var configuration = FindConfiguration(model, literal, context.CancellationToken);
            var environmentType = EnvironmentTypeName(model, literal);
            var title = configuration is null
                ? $"Read from environment variable {key.EnvironmentVariable}"
                : $"Read from {configuration}[\"{key.ConfigurationKey}\"]";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, literal, key, configuration, environmentType, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, ConfigurationKeyName key, string? configuration, string environmentType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        ExpressionSyntax replacement = configuration is null
            ? SyntaxFactory.ParseExpression($"{environmentType}.GetEnvironmentVariable(\"{key.EnvironmentVariable}\")")
            : SyntaxFactory.ElementAccessExpression(
                SyntaxFactory.IdentifierName(configuration),
                SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key.ConfigurationKey))))));
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement.WithTriviaFrom(literal)));
    }

    /// <summary><c>Environment</c> when that name means System.Environment at the literal, else the qualified name.</summary>
    private static string EnvironmentTypeName(SemanticModel model, SyntaxNode at)
    {
        var expected = model.Compilation.GetTypeByMetadataName("System.Environment");
        var bound = model.GetSpeculativeSymbolInfo(at.SpanStart, SyntaxFactory.IdentifierName("Environment"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        if (SymbolEqualityComparer.Default.Equals(bound, expected)) return "Environment";
        bound = model.GetSpeculativeSymbolInfo(at.SpanStart, SyntaxFactory.ParseName("System.Environment"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return SymbolEqualityComparer.Default.Equals(bound, expected) ? "System.Environment" : "global::System.Environment";
    }

    private static string Provider(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(LiveCredentialLiteralAnalyzer.ProviderProperty, out var p) && !string.IsNullOrEmpty(p)
            ? new string(p!.Where(char.IsLetterOrDigit).ToArray())
            : "Api";

    /// <summary>False where only a constant may stand.</summary>
    private static bool CanBeReplaced(LiteralExpressionSyntax literal)
    {
        foreach (var ancestor in literal.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case ParameterSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                    return false;
                case VariableDeclarationSyntax declaration when declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword):
                case VariableDeclarationSyntax local when local.Parent is LocalDeclarationStatementSyntax statement && statement.IsConst:
                    return false;
                case StatementSyntax or MemberDeclarationSyntax:
                    return true;
            }
        }
        return true;
    }

    /// <summary>The name of what receives the literal: a variable, property, assignment target, parameter or method.</summary>
    private static string? NameFor(LiteralExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }) node = node.Parent;
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable }: return variable.Identifier.ValueText;
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }: return property.Identifier.ValueText;
            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }: return property.Identifier.ValueText;
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method }: return method.Identifier.ValueText;
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return assignment.Left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    _ => null,
                };
            case ArgumentSyntax argument:
                if (argument.NameColon is not null) return argument.NameColon.Name.Identifier.ValueText;
                return model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter }
                    ? parameter.Name
                    : null;
            case ReturnStatementSyntax:
                var member = literal.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax or PropertyDeclarationSyntax or LocalFunctionStatementSyntax);
                return member switch
                {
                    MethodDeclarationSyntax m => m.Identifier.ValueText,
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                    _ => null,
                };
            default: return null;
        }
    }

    /// <summary>The name of an IConfiguration-typed parameter, local, field or property usable at the literal, or null.</summary>
    private static string? FindConfiguration(SemanticModel model, LiteralExpressionSyntax literal, CancellationToken cancellationToken)
    {
        var configurationType = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        if (configurationType is null) return null;
        int position = literal.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        // Field and property initializers cannot use instance members (CS0236); static members cannot either.
        bool instanceAllowed = enclosing is IMethodSymbol { IsStatic: false } method
            && !(method.MethodKind == MethodKind.Constructor && literal.Ancestors().Any(a => a is FieldDeclarationSyntax or PropertyDeclarationSyntax));

        bool IsConfiguration(ITypeSymbol? type) =>
            type is not null && (SymbolEqualityComparer.Default.Equals(type, configurationType)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, configurationType)));

        string? best = null;
        int bestRank = int.MaxValue;
        foreach (var symbol in model.LookupSymbols(position))
        {
            int rank;
            switch (symbol)
            {
                case IParameterSymbol p when IsConfiguration(p.Type): rank = 0; break;
                case ILocalSymbol l when IsConfiguration(l.Type)
                    && l.DeclaringSyntaxReferences.All(r => r.Span.End <= position): rank = 1; break;
                case IFieldSymbol f when IsConfiguration(f.Type) && (f.IsStatic || instanceAllowed): rank = 2; break;
                case IPropertySymbol p when !p.IsIndexer && IsConfiguration(p.Type) && (p.IsStatic || instanceAllowed): rank = 3; break;
                default: continue;
            }
            if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, best) < 0))
            {
                best = symbol.Name;
                bestRank = rank;
            }
        }
        return best;
    }
}
