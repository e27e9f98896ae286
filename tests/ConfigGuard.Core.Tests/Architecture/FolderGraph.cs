using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Core.Tests.Architecture;

/// <summary>
/// The folder-level dependency graph of one project's sources: an edge A -> B when a file in folder A names a type
/// declared in folder B, or calls or reads a member of one (Roslyn binds every name, so extension methods, `var`,
/// target-typed `new()` and static members count). Folder = the file's directory relative to the project.
/// </summary>
public sealed class FolderGraph
{
    /// <summary>from -> to -> one example reference ("Rules/X.cs names Engine.SourceFile"), for messages.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges { get; }

    public IReadOnlyCollection<string> Folders { get; }

    /// <summary>Each source file's folder and declared namespace, to hold namespaces to their folders.</summary>
    public IReadOnlyList<(string File, string Folder, string Namespace)> Namespaces { get; }

    private FolderGraph(
        Dictionary<string, SortedDictionary<string, string>> edges,
        IReadOnlyCollection<string> folders,
        IReadOnlyList<(string, string, string)> namespaces)
    {
        Edges = edges;
        Folders = folders;
        Namespaces = namespaces;
    }

    public static FolderGraph Of(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(projectDirectory, f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
        var compilation = CSharpCompilation.Create(
            "FolderGraph",
            trees,
            References(Path.GetFileName(Path.TrimEndingDirectorySeparator(projectDirectory))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        string FolderOf(string path)
        {
            var relative = Path.GetDirectoryName(Path.GetRelativePath(projectDirectory, path))!.Replace('\\', '/');
            return relative.Length == 0 ? "(root)" : relative;
        }

        var edges = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var namespaces = new List<(string, string, string)>();
        foreach (var tree in trees)
        {
            var from = FolderOf(tree.FilePath);
            folders.Add(from);
            var root = tree.GetRoot();
            var declared = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";
            namespaces.Add((Path.GetRelativePath(projectDirectory, tree.FilePath).Replace('\\', '/'), from, declared));
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in root.DescendantNodes())
            {
                ISymbol? symbol = node switch
                {
                    SimpleNameSyntax name when name.Parent is not BaseNamespaceDeclarationSyntax and not QualifiedNameSyntax { Parent: BaseNamespaceDeclarationSyntax } =>
                        model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault(),
                    ImplicitObjectCreationExpressionSyntax creation => model.GetTypeInfo(creation).Type,
                    _ => null,
                };
                var type = DeclaringType(symbol);
                if (type is null)
                {
                    continue;
                }

                foreach (var reference in type.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    var to = FolderOf(reference.SyntaxTree.FilePath);
                    if (to == from)
                    {
                        continue;
                    }

                    if (!edges.TryGetValue(from, out var targets))
                    {
                        edges[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    }

                    if (!targets.ContainsKey(to))
                    {
                        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        targets[to] = $"{Path.GetRelativePath(projectDirectory, tree.FilePath).Replace('\\', '/')}:{line} uses {type.ToDisplayString()}";
                    }
                }
            }
        }

        return new FolderGraph(edges, folders, namespaces);
    }

    /// <summary>The folder cycles: strongly connected components of more than one folder (Tarjan), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.TryGetValue(v, out var targets) ? targets.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }
        }

        foreach (var folder in Folders.Concat(Edges.Keys).Distinct().OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return components;
    }

    /// <summary>The edges between members of <paramref name="cycle"/>, as "A -> B", with one example each.</summary>
    public IEnumerable<(string Edge, string Example)> EdgesWithin(IReadOnlyList<string> cycle)
    {
        var members = new HashSet<string>(cycle);
        foreach (var from in cycle)
        {
            if (Edges.TryGetValue(from, out var targets))
            {
                foreach (var (to, example) in targets.Where(t => members.Contains(t.Key)))
                {
                    yield return ($"{from} -> {to}", example);
                }
            }
        }
    }

    /// <summary>A cycle spelled out: every edge inside it with one example reference.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var lines = new List<string> { $"cycle of {cycle.Count} folders: {string.Join(", ", cycle)}" };
        lines.AddRange(EdgesWithin(cycle).Select(e => $"  {e.Edge}   ({e.Example})"));
        return string.Join(Environment.NewLine, lines);
    }

    private static INamedTypeSymbol? DeclaringType(ISymbol? symbol) => symbol switch
    {
        null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol => null,
        IAliasSymbol alias => DeclaringType(alias.Target),
        IArrayTypeSymbol array => DeclaringType(array.ElementType),
        INamedTypeSymbol type => type,
        IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
        _ => symbol.ContainingType,
    };

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Replace('\\', '/').Split('/')[0];
        return first is "obj" or "bin";
    }

    private static IEnumerable<MetadataReference> References(string project)
    {
        // The running runtime's assemblies and everything beside the test assembly (YamlDotNet, Roslyn, ConfigGuard.Core)
        // but the project's own build: enough to bind the names that matter; a name that stays unbound (a package the
        // tests do not load) names no folder of the project anyway.
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("ConfigGuard.Core.Tests", StringComparison.Ordinal)
                && !string.Equals(Path.GetFileNameWithoutExtension(f), project, StringComparison.OrdinalIgnoreCase));
        return platform.Concat(beside)
            .Where(p => p.Length > 0)
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
    }
}
