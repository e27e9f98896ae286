using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Bench;

/// <summary>
/// The code analyzers through CompilationWithAnalyzers on a large generated compilation (600 classes x 30 members),
/// next to the compiler's own diagnostics pass on the same compilation: the analyzers' cost relative to compiling.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Enumerable.Range(0, 600).Select(i => CSharpSyntaxTree.ParseText(Source(i), path: $"C{i}.cs")).ToList();
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create("Generated", trees, refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _analyzers = typeof(ConfigGuard.Analyzers.DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
    }

    private static string Source(int i)
    {
        var sb = new StringBuilder($"namespace Gen.N{i % 20};\npublic sealed class C{i}\n{{\n    private readonly string environment = \"x\";\n");
        for (int m = 0; m < 30; m++)
        {
            sb.Append(m switch
            {
                0 when i % 50 == 0 => $"    public bool M{m}() => environment == \"Production\";\n",
                1 => $"    public string U{m} => \"https://api.example.com/v{m}/items\";\n",
                2 => $"    public string K{m} => \"Host=db{m}.internal;Database=app{m}\";\n",
                _ => $"    public int M{m}(int x) {{ var y = x * {m}; for (var k = 0; k < 3; k++) y += k; return y > 10 ? y : -y; }}\n",
            });
        }
        return sb.Append("}\n").ToString();
    }

    /// <summary>Binding and the compiler's diagnostics for every method body, on a fresh clone (no cached binding).</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>
    /// The analyzer infrastructure alone: an analyzer that subscribes to the same operations and literals as ConfigGuard's
    /// and does nothing. In a real build the SDK's analyzers already pay for operation trees; ConfigGuard's own cost is
    /// the difference between the next benchmark and this one.
    /// </summary>
    [Benchmark]
    public int CompilerAndEmptyAnalyzer() =>
        _compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer())).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>The same compilation, plus every ConfigGuard code analyzer.</summary>
    [Benchmark]
    public int CompilerAndConfigGuardAnalyzers() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0", "bench", "bench", "bench", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => { }, Microsoft.CodeAnalysis.OperationKind.Binary, Microsoft.CodeAnalysis.OperationKind.Invocation,
                Microsoft.CodeAnalysis.OperationKind.Literal, Microsoft.CodeAnalysis.OperationKind.Switch, Microsoft.CodeAnalysis.OperationKind.IsPattern);
            context.RegisterSyntaxTreeAction(_ => { });
        }
    }
}
