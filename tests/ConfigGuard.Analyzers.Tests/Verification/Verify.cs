using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests.Verification;

/// <summary>
/// A small stand-in for Microsoft.CodeAnalysis.Testing (not served by the registry here).
/// <list type="number">
/// <item>Sources are markup (<see cref="Markup"/>): <c>[|x|]</c> expects the analyzer's only diagnostic ID on x,
/// <c>{|CG1001:x|}</c> a given ID, <c>{|#0:x|}</c> a location for an <see cref="ExpectedDiagnostic"/>.</item>
/// <item>They compile against the SDK's reference packs (<see cref="ReferenceAssemblies"/>) as a library, or as an
/// executable when a file has top-level statements; any compiler error fails the test, so a snippet that does
/// not compile can never pass by finding nothing.</item>
/// <item>Analyzers run through <see cref="CompilationWithAnalyzers"/> with an .editorconfig (<see cref="TestOptions"/>),
/// which also applies <c>dotnet_diagnostic.X.severity</c>; <c>#pragma</c> and generated-code handling are the compiler's.</item>
/// <item>Diagnostics of the analyzers' IDs are compared with the expected ones by ID, file and exact span; an analyzer
/// exception (AD0001) always fails.</item>
/// <item>Code fixes are applied in an <see cref="AdhocWorkspace"/>, one at a time until none is left, or in one Fix All
/// pass (the provider's <see cref="CodeFixProvider.GetFixAllProvider"/>); the result must equal the expected source
/// and still compile.</item>
/// </list>
/// </summary>
public static class Verify
{
    public const string SourceFolder = "/src/";

    public static Task AnalyzerAsync<TAnalyzer>(string markup, params ExpectedDiagnostic[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new AnalyzerTest { Sources = { markup }, Analyzers = { new TAnalyzer() }, Expected = { } }.WithExpected(expected).RunAsync();

    public static Task AnalyzerAsync<TAnalyzer>(string markup, string editorConfig, params ExpectedDiagnostic[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new AnalyzerTest { Sources = { markup }, Analyzers = { new TAnalyzer() }, EditorConfig = editorConfig, Expected = { } }.WithExpected(expected).RunAsync();

    public static Task CodeFixAsync<TAnalyzer, TFix>(string markup, string fixedSource, bool fixAll = false)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new() =>
        new AnalyzerTest { Sources = { markup }, Analyzers = { new TAnalyzer() }, CodeFix = new TFix(), FixedSource = fixedSource, FixAll = fixAll }.RunAsync();
}

/// <summary>One analyzer (and optionally code fix) test: see <see cref="Verify"/> for what it checks.</summary>
public sealed class AnalyzerTest
{
    /// <summary>Markup sources, compiled as /src/Test0.cs, /src/Test1.cs ... unless <see cref="Paths"/> names them.</summary>
    public List<string> Sources { get; } = new();
    public List<string> Paths { get; } = new();
    public List<DiagnosticAnalyzer> Analyzers { get; } = new();
    public List<ExpectedDiagnostic> Expected { get; } = new();
    /// <summary>Text of /src/.editorconfig (a <c>root = true</c> line is added); <c>[*.cs]</c> sections apply to every source.</summary>
    public string? EditorConfig { get; set; }
    public string[] PreprocessorSymbols { get; set; } = Array.Empty<string>();
    public CodeFixProvider? CodeFix { get; set; }
    /// <summary>Expected text of the first source after fixing.</summary>
    public string? FixedSource { get; set; }
    public bool FixAll { get; set; }

    public AnalyzerTest WithExpected(IEnumerable<ExpectedDiagnostic> expected)
    {
        Expected.AddRange(expected);
        return this;
    }

    public async Task RunAsync()
    {
        var parsed = Sources.Select(Markup.Parse).ToList();
        var paths = Enumerable.Range(0, Sources.Count).Select(i => i < Paths.Count ? Paths[i] : $"{Verify.SourceFolder}Test{i}.cs").ToList();
        var options = new TestOptions(EditorConfig is null
            ? Array.Empty<(string, string)>()
            : new[] { (Verify.SourceFolder + ".editorconfig", "root = true\n" + EditorConfig) });
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);
        var trees = parsed.Select((p, i) => CSharpSyntaxTree.ParseText(SourceText.From(p.Source, Encoding.UTF8), parseOptions, paths[i])).ToList();
        var compilation = CreateCompilation(trees, options);

        AssertCompiles(compilation, "test source");
        var actual = await RunAnalyzersAsync(compilation, Analyzers, options);
        var expected = ExpectedFromMarkup(parsed, paths);
        AssertSame(expected, actual, trees);
        foreach (var e in Expected)
        {
            var span = parsed[e.SourceIndex].Spans.Single(s => s.Marker == e.Marker).Span;
            var d = actual.Single(a => a.Id == e.Id && a.Location.SourceSpan == span && a.Location.SourceTree!.FilePath == paths[e.SourceIndex]);
            var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (e.MessageContains is not null) Assert.Contains(e.MessageContains, message);
            if (e.MessageExcludes is not null) Assert.DoesNotContain(e.MessageExcludes, message);
        }

        if (CodeFix is not null && FixedSource is not null)
        {
            var fixedText = await ApplyFixesAsync(trees, parseOptions, compilation.Options, options);
            Assert.Equal(Normalize(FixedSource), Normalize(fixedText));
        }
    }

    public static CSharpCompilation CreateCompilation(IReadOnlyList<SyntaxTree> trees, TestOptions options, IEnumerable<MetadataReference>? extraReferences = null)
    {
        bool topLevel = trees.Any(t => t.GetRoot() is CompilationUnitSyntax cu && cu.Members.OfType<GlobalStatementSyntax>().Any());
        var compilationOptions = new CSharpCompilationOptions(
                topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(options.SeverityOptions);
        return CSharpCompilation.Create("TestProject", trees,
            ReferenceAssemblies.Net10WithAspNetCore.Concat(extraReferences ?? Array.Empty<MetadataReference>()), compilationOptions);
    }

    public static void AssertCompiles(Compilation compilation, string what)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"The {what} does not compile:\n" + string.Join("\n", errors.Take(20)));
    }

    /// <summary>The analyzers' diagnostics (compiler diagnostics left out), sorted; fails on any analyzer exception.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(Compilation compilation, IReadOnlyList<DiagnosticAnalyzer> analyzers, TestOptions options)
    {
        var exceptions = new List<string>();
        var withAnalyzers = compilation
            .WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(options.SeverityOptions))
            .WithAnalyzers(analyzers.ToImmutableArray(), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options.AnalyzerOptions),
                onAnalyzerException: (e, a, d) => { lock (exceptions) exceptions.Add($"{a.GetType().Name}: {e}"); },
                concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "Analyzer threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private List<(string Id, string Path, TextSpan Span)> ExpectedFromMarkup(List<(string Source, List<MarkedSpan> Spans)> parsed, List<string> paths)
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().ToList();
        var list = new List<(string, string, TextSpan)>();
        for (int i = 0; i < parsed.Count; i++)
        {
            foreach (var span in parsed[i].Spans.Where(s => s.Marker is null))
            {
                var id = span.Id ?? (ids.Count == 1 ? ids[0] : throw new InvalidOperationException("[|...|] needs a single diagnostic ID; use {|ID:...|}"));
                list.Add((id, paths[i], span.Span));
            }
        }
        foreach (var e in Expected)
        {
            list.Add((e.Id, paths[e.SourceIndex], parsed[e.SourceIndex].Spans.Single(s => s.Marker == e.Marker).Span));
        }
        return list.OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.Item3.Start).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    private static void AssertSame(List<(string Id, string Path, TextSpan Span)> expected, ImmutableArray<Diagnostic> actual, List<SyntaxTree> trees)
    {
        var actualKeys = actual.Select(d => (d.Id, Path: d.Location.SourceTree?.FilePath ?? "", Span: d.Location.SourceSpan)).ToList();
        if (expected.SequenceEqual(actualKeys)) return;

        string Describe((string Id, string Path, TextSpan Span) x)
        {
            var tree = trees.FirstOrDefault(t => t.FilePath == x.Path);
            var text = tree?.GetText().ToString(x.Span) ?? "?";
            var line = tree?.GetLineSpan(x.Span).StartLinePosition;
            return $"  {x.Id} {x.Path}({line?.Line + 1},{line?.Character + 1}) {x.Span} \"{text}\"";
        }
        Assert.Fail("Diagnostics differ.\nExpected:\n" + string.Join("\n", expected.Select(Describe))
            + "\nActual:\n" + string.Join("\n", actual.Select((d, i) => Describe(actualKeys[i]) + " : " + d.GetMessage())));
    }

    private async Task<string> ApplyFixesAsync(List<SyntaxTree> trees, CSharpParseOptions parseOptions, CompilationOptions compilationOptions, TestOptions options)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "TestProject", "TestProject",
            LanguageNames.CSharp, compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: ReferenceAssemblies.Net10WithAspNetCore));
        var firstId = DocumentId.CreateNewId(projectId);
        for (int i = 0; i < trees.Count; i++)
        {
            var id = i == 0 ? firstId : DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(DocumentInfo.Create(id, Path.GetFileName(trees[i].FilePath),
                loader: TextLoader.From(TextAndVersion.Create(trees[i].GetText(), VersionStamp.Create())), filePath: trees[i].FilePath));
        }

        var fix = CodeFix!;
        if (FixAll)
        {
            solution = await FixAllOnceAsync(solution, firstId, fix, options);
        }
        else
        {
            for (int iteration = 0; iteration < 50; iteration++)
            {
                var next = await FixOneAsync(solution, fix, options);
                if (next is null) break;
                solution = next;
            }
        }

        var compilation = await solution.GetProject(projectId)!.GetCompilationAsync();
        AssertCompiles(compilation!, "fixed source");
        return (await solution.GetDocument(firstId)!.GetTextAsync()).ToString();
    }

    private async Task<List<Diagnostic>> FixableDiagnosticsAsync(Solution solution, CodeFixProvider fix, TestOptions options)
    {
        var project = solution.Projects.Single();
        var compilation = await project.GetCompilationAsync();
        var diagnostics = await RunAnalyzersAsync(compilation!, Analyzers, options);
        return diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic, CodeFixProvider fix)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await fix.RegisterCodeFixesAsync(context);
        return actions;
    }

    private async Task<Solution?> FixOneAsync(Solution solution, CodeFixProvider fix, TestOptions options)
    {
        foreach (var diagnostic in await FixableDiagnosticsAsync(solution, fix, options))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = await ActionsAsync(document, diagnostic, fix);
            if (actions.Count == 0) continue;
            return await ApplyAsync(actions[0], solution);
        }
        return null;
    }

    private async Task<Solution> FixAllOnceAsync(Solution solution, DocumentId documentId, CodeFixProvider fix, TestOptions options)
    {
        var diagnostics = await FixableDiagnosticsAsync(solution, fix, options);
        foreach (var diagnostic in diagnostics)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = await ActionsAsync(document, diagnostic, fix);
            if (actions.Count == 0) continue;
            var provider = fix.GetFixAllProvider();
            Assert.NotNull(provider);
            var context = new FixAllContext(solution.GetDocument(documentId)!, fix, FixAllScope.Solution, actions[0].EquivalenceKey,
                fix.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var action = await provider!.GetFixAsync(context);
            Assert.NotNull(action);
            return await ApplyAsync(action!, solution);
        }
        Assert.Fail("Fix All: no diagnostic has a code fix");
        return solution;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply) solution = apply.ChangedSolution;
        }
        return solution;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>Hands Fix All the diagnostics computed once for the whole (single-project) solution.</summary>
    private sealed class FixedDiagnostics(List<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
