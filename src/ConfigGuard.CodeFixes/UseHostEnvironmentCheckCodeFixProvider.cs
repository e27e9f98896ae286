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
using Microsoft.CodeAnalysis.Formatting;

namespace ConfigGuard.CodeFixes;

/// <summary>
/// CG1001: rewrites <c>env.EnvironmentName == "Production"</c> to <c>env.IsProduction()</c> (Staging and
/// Development likewise, any other name to <c>env.IsEnvironment("name")</c>), and <c>!=</c> to the negation, when
/// <c>env</c> is an <c>IHostEnvironment</c> (which <c>IWebHostEnvironment</c> extends). Adds
/// <c>using Microsoft.Extensions.Hosting;</c> when the extension methods are not in scope. The result compares
/// case-insensitively, as the host does. The code then states its intent but still branches on the environment:
/// outside Program/Startup, CG1002 reports it, and the real remedy is an option set in the composition root.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseHostEnvironmentCheckCodeFixProvider)), Shared]
public sealed class UseHostEnvironmentCheckCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "ConfigGuard.UseHostEnvironmentCheck";
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CG1001.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        var hostEnvironment = model.Compilation.GetTypeByMetadataName(HostingNamespace + ".IHostEnvironment");
        if (hostEnvironment is null || model.Compilation.GetTypeByMetadataName(HostingNamespace + ".HostEnvironmentEnvExtensions") is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BinaryExpressionSyntax binary
                || !(binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression))) continue;
            if (!TryPlan(binary, model, hostEnvironment, context.CancellationToken, out var receiver, out var method, out var argument)) continue;
            var negate = binary.IsKind(SyntaxKind.NotEqualsExpression);
            var title = $"Use {(negate ? "!" : "")}{receiver}.{method}({argument})";
            context.RegisterCodeFix(CodeAction.Create(title, ct => RewriteAsync(context.Document, binary, ct), EquivalenceKey), diagnostic);
        }
    }

    private static bool TryPlan(BinaryExpressionSyntax binary, SemanticModel model, INamedTypeSymbol hostEnvironment, CancellationToken cancellationToken,
        out ExpressionSyntax receiver, out string method, out ExpressionSyntax? argument)
    {
        receiver = null!;
        method = "";
        argument = null;
        foreach (var (side, other) in new[] { (binary.Left, binary.Right), (binary.Right, binary.Left) })
        {
            if (side is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentName" } access) continue;
            var type = model.GetTypeInfo(access.Expression, cancellationToken).Type;
            if (type is null || !(SymbolEqualityComparer.Default.Equals(type, hostEnvironment)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, hostEnvironment)))) continue;
            var constant = model.GetConstantValue(other, cancellationToken);
            if (!constant.HasValue || constant.Value is not string name) continue;
            receiver = access.Expression;
            if (name.Equals("Production", StringComparison.OrdinalIgnoreCase)) method = "IsProduction";
            else if (name.Equals("Staging", StringComparison.OrdinalIgnoreCase)) method = "IsStaging";
            else if (name.Equals("Development", StringComparison.OrdinalIgnoreCase)) method = "IsDevelopment";
            else
            {
                method = "IsEnvironment";
                argument = other.WithoutTrivia();
            }
            return true;
        }
        return false;
    }

    private static async Task<Document> RewriteAsync(Document document, BinaryExpressionSyntax binary, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var hostEnvironment = model!.Compilation.GetTypeByMetadataName(HostingNamespace + ".IHostEnvironment")!;
        if (!TryPlan(binary, model, hostEnvironment, cancellationToken, out var receiver, out var method, out var argument)) return document;

        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(method)),
            argument is null
                ? SyntaxFactory.ArgumentList()
                : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
        bool inScope = model.GetSpeculativeSymbolInfo(binary.SpanStart, call, SpeculativeBindingOption.BindAsExpression).Symbol is not null;
        if (binary.IsKind(SyntaxKind.NotEqualsExpression))
        {
            call = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, call);
        }
        var newRoot = root!.ReplaceNode(binary, call.WithTriviaFrom(binary));
        if (!inScope && newRoot is CompilationUnitSyntax unit
            && !unit.Usings.Any(u => u.Name?.ToString() == HostingNamespace))
        {
            newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(HostingNamespace)).WithAdditionalAnnotations(Formatter.Annotation));
        }
        return document.WithSyntaxRoot(newRoot);
    }
}
