using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigGuard.Analyzers.ConfigurationReads;

/// <summary>
/// The configuration keys a C# project reads, and how its host loads configuration (<see cref="CodeFacts"/>). Hand-written:
/// no library lists the keys of Microsoft.Extensions.Configuration calls. One walker serves both front ends:
/// <list type="bullet">
/// <item>with a <see cref="SemanticModel"/> (the analyzer in <c>dotnet build</c>/the IDE), a call counts only when it binds
/// to the Microsoft.Extensions.Configuration / Options / Hosting API, keys are the compiler's constant values, and options
/// types are read from their symbols (nullable annotations, all partial parts);</item>
/// <item>without one (<c>configguard check</c>, which does not build the project), the same calls are recognised by name
/// and by a receiver that looks like configuration (<see cref="SyntaxKeys"/>), constants are literals, <c>nameof</c> and
/// const fields found by name, and options types are the classes of that name in the project.</item>
/// </list>
/// A key built at run time (a parameter, string.Format, a non-constant interpolation) is skipped, never guessed.
/// Thread-safe: the analyzer adds trees concurrently.
/// </summary>
public sealed class ConfigurationReadExtractor
{
    private readonly object _gate = new();
    private readonly List<ConfigKeyRead> _reads = new();
    private readonly HashSet<string> _opaque = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _checked = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AppHost> _hosts = new();
    private readonly SortedSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _secretStores = new(StringComparer.Ordinal);
    private readonly SyntaxKeys? _syntax;
    private readonly bool _nullableByDefault;
    private bool _userSecrets;

    /// <summary>Semantic mode (the analyzer): add each tree with its model.</summary>
    public ConfigurationReadExtractor() { }

    /// <summary>Syntax mode (the CLI): every tree of the project, for const fields and options classes found by name.</summary>
    /// <param name="nullableEnabled">The project's <c>&lt;Nullable&gt;enable</c>: a non-nullable property without an initializer is then required.</param>
    public ConfigurationReadExtractor(IReadOnlyList<SyntaxTree> projectTrees, bool nullableEnabled)
    {
        _syntax = new SyntaxKeys(projectTrees);
        _nullableByDefault = nullableEnabled;
    }

    /// <summary>The project declares a UserSecretsId (assembly attribute or csproj).</summary>
    public void NoteUserSecrets() { lock (_gate) _userSecrets = true; }

    /// <param name="path">The path findings name for this tree.</param>
    public void Add(SyntaxTree tree, SemanticModel? model, string path, CancellationToken token = default)
    {
        var walker = new Walker(this, model, path, tree);
        foreach (var node in tree.GetRoot(token).DescendantNodes())
        {
            token.ThrowIfCancellationRequested();
            if (node is InvocationExpressionSyntax invocation) walker.Invocation(invocation);
            else if (node is ElementAccessExpressionSyntax access) walker.ElementAccess(access);
        }
        walker.Flush();
    }

    public CodeFacts Build()
    {
        lock (_gate)
        {
            var reads = _reads
                .Select(r => _checked.Any(s => Under(r.Key, s)) && r.Requirement == ConfigKeyRequirement.Required
                    ? new ConfigKeyRead(r.Key, r.Kind, ConfigKeyRequirement.Optional, r.IsSection, r.Path, r.Span, r.Via) : r)
                .GroupBy(r => (r.Key.ToUpperInvariant(), r.Path, r.Span.Start, r.Via)).Select(g => g.First())
                .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Span.Start)
                .ToList();
            return new CodeFacts(reads, _opaque.OrderBy(s => s, StringComparer.Ordinal).ToList(),
                _hosts.OrderBy(h => h.Path, StringComparer.Ordinal).ThenBy(h => h.Span.Start).ToList(),
                _prefixes.ToList(), _secretStores.ToList(), _userSecrets);
        }
    }

    private static bool Under(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase)
        || (key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase));

    internal static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + ":" + key;

    internal static SourceSpan SpanOf(SyntaxNode node)
    {
        var line = node.GetLocation().GetLineSpan();
        return new SourceSpan(node.SpanStart, node.Span.Length, line.StartLinePosition.Line + 1, line.StartLinePosition.Character + 1,
            line.EndLinePosition.Line + 1, line.EndLinePosition.Character + 1);
    }

    private static readonly HashSet<string> SecretStoreMethods = new(StringComparer.Ordinal)
    {
        "AddAzureKeyVault", "AddAzureKeyVaultSecrets", "AddSecretsManager", "AddSystemsManager", "AddAzureAppConfiguration",
        "AddGoogleSecretManager", "AddVault", "AddHashiCorpVault",
    };

    /// <summary>Per-tree state: reads are collected locally and published once.</summary>
    private sealed class Walker
    {
        private readonly ConfigurationReadExtractor _owner;
        private readonly SemanticModel? _model;
        private readonly string _path;
        private readonly SyntaxTree _tree;
        private readonly List<ConfigKeyRead> _reads = new();
        private readonly List<string> _opaque = new();
        private readonly List<string> _checked = new();
        private readonly List<AppHost> _hosts = new();
        private readonly List<string> _prefixes = new();
        private readonly List<string> _stores = new();
        private bool _userSecrets;

        public Walker(ConfigurationReadExtractor owner, SemanticModel? model, string path, SyntaxTree tree)
        {
            _owner = owner;
            _model = model;
            _path = path;
            _tree = tree;
        }

        public void Flush()
        {
            lock (_owner._gate)
            {
                _owner._reads.AddRange(_reads);
                foreach (var s in _opaque) _owner._opaque.Add(s);
                foreach (var s in _checked) _owner._checked.Add(s);
                _owner._hosts.AddRange(_hosts);
                foreach (var p in _prefixes) _owner._prefixes.Add(p);
                foreach (var s in _stores) _owner._secretStores.Add(s);
                if (_userSecrets) _owner._userSecrets = true;
            }
        }

        private void Read(string key, ConfigKeyReadKind kind, ConfigKeyRequirement requirement, bool isSection, SyntaxNode at, string? via = null) =>
            _reads.Add(new ConfigKeyRead(key, kind, requirement, isSection, _path, SpanOf(at), via));

        private static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => null,
        };

        private static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
            (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;

        private static GenericNameSyntax? Generic(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Name: GenericNameSyntax g } => g,
            GenericNameSyntax g => g,
            _ => null,
        };

        public void Invocation(InvocationExpressionSyntax invocation)
        {
            var name = Name(invocation);
            if (name is null) return;
            var args = invocation.ArgumentList.Arguments;
            switch (name)
            {
                case "GetValue":
                    if (args.Count >= 1 && ConfigReceiver(invocation, "ConfigurationBinder") is { } gvPrefix && Constant(args[0].Expression) is { } gvKey)
                        Read(Join(gvPrefix, gvKey), ConfigKeyReadKind.GetValue,
                            args.Count >= 2 || IsDefaulted(invocation) ? ConfigKeyRequirement.Defaulted : ConfigKeyRequirement.Required, false, args[0].Expression);
                    break;
                case "GetConnectionString":
                    if (args.Count == 1 && ConfigReceiver(invocation, "ConfigurationExtensions") is { } csPrefix && Constant(args[0].Expression) is { } csName)
                        Read(Join(csPrefix, "ConnectionStrings:" + csName), ConfigKeyReadKind.ConnectionString,
                            IsDefaulted(invocation) ? ConfigKeyRequirement.Defaulted : ConfigKeyRequirement.Required, false, args[0].Expression);
                    break;
                case "GetSection":
                case "GetRequiredSection":
                    SectionCall(invocation, name == "GetRequiredSection");
                    break;
                case "Exists":
                    if (Receiver(invocation) is { } ex && SectionPath(ex) is { Length: > 0 } exPath) _checked.Add(exPath);
                    break;
                case "GetChildren":
                case "AsEnumerable":
                    if (Receiver(invocation) is { } ch && SectionPath(ch) is { } chPath) _opaque.Add(chPath);
                    break;
                case "Get":
                    // section.Get<T>(): the properties of T under the section.
                    if (Generic(invocation) is { TypeArgumentList.Arguments.Count: 1 } g && Receiver(invocation) is { } getReceiver
                        && IsConfigurationBinder(invocation) && SectionPath(getReceiver) is { } getPath)
                        Options(g.TypeArgumentList.Arguments[0], null, getPath, invocation, IsDefaulted(invocation));
                    break;
                case "Bind":
                    Bind(invocation);
                    break;
                case "Configure":
                    Configure(invocation);
                    break;
                case "BindConfiguration":
                    if (args.Count >= 1 && Constant(args[0].Expression) is { } bcPath && OptionsTypeOfChain(invocation) is { } bcType)
                        Options(bcType.Syntax, bcType.Symbol, bcPath, invocation, false);
                    break;
                case "GetEnvironmentVariable":
                    if (args.Count >= 1 && IsProcessEnvironment(invocation) && Constant(args[0].Expression) is { } variable)
                        Read(variable, ConfigKeyReadKind.EnvironmentVariable,
                            IsDefaulted(invocation) ? ConfigKeyRequirement.Defaulted : ConfigKeyRequirement.Required, false, args[0].Expression);
                    break;
                case "CreateBuilder":
                case "CreateSlimBuilder":
                    if (IsStaticOn(invocation, "WebApplication", "Microsoft.AspNetCore.Builder.WebApplication")) Host(AppHostKind.AspNetCore, "WebApplication." + name, invocation);
                    break;
                case "CreateDefaultBuilder":
                    if (IsStaticOn(invocation, "WebHost", "Microsoft.AspNetCore.WebHost")) Host(AppHostKind.AspNetCore, "WebHost.CreateDefaultBuilder", invocation);
                    else if (IsStaticOn(invocation, "Host", "Microsoft.Extensions.Hosting.Host")) Host(AppHostKind.GenericHost, "Host.CreateDefaultBuilder", invocation);
                    break;
                case "CreateApplicationBuilder":
                    if (IsStaticOn(invocation, "Host", "Microsoft.Extensions.Hosting.Host")) Host(AppHostKind.GenericHost, "Host.CreateApplicationBuilder", invocation);
                    break;
                case "ConfigureWebHostDefaults":
                    if (IsMethodOf(invocation, "GenericHostBuilderExtensions", "ConfigureWebHostDefaults")) Host(AppHostKind.AspNetCore, "ConfigureWebHostDefaults", invocation);
                    break;
                case "AddEnvironmentVariables":
                    if (args.Count == 1 && IsMethodOf(invocation, "EnvironmentVariablesExtensions", name) && Constant(args[0].Expression) is { Length: > 0 } prefix)
                        _prefixes.Add(prefix);
                    break;
                case "AddUserSecrets":
                    if (IsMethodOf(invocation, "UserSecretsConfigurationExtensions", name)) _userSecrets = true;
                    break;
                default:
                    if (SecretStoreMethods.Contains(name) && (_model is null || IsExtensionOnConfigurationBuilder(invocation))) _stores.Add(name);
                    break;
            }
        }

        public void ElementAccess(ElementAccessExpressionSyntax access)
        {
            if (access.ArgumentList.Arguments.Count != 1) return;
            // A write (configuration["K"] = "v") provides a key, it does not read one.
            if (access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access) return;
            if (SectionPath(access.Expression) is not { } prefix) return;
            if (Constant(access.ArgumentList.Arguments[0].Expression) is not { } key) return;
            Read(Join(prefix, key), ConfigKeyReadKind.Indexer,
                IsDefaulted(access) ? ConfigKeyRequirement.Defaulted : ConfigKeyRequirement.Required, false, access.ArgumentList.Arguments[0].Expression);
        }

        private void Host(AppHostKind kind, string call, SyntaxNode at) => _hosts.Add(new AppHost(kind, call, _path, SpanOf(at)));

        /// <summary>GetSection used as a whole: handed to an API we do not model, or returned. Consumers we model report their own reads.</summary>
        private void SectionCall(InvocationExpressionSyntax invocation, bool required)
        {
            if (SectionPath(invocation) is not { } path || path.Length == 0) return;
            SyntaxNode parent = invocation.Parent!;
            while (parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax) parent = parent.Parent!;
            if (parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax) return;
            if (parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax }) { if (required) Read(path, ConfigKeyReadKind.Section, ConfigKeyRequirement.Required, true, invocation.ArgumentList.Arguments[0].Expression); return; }
            if (parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax consumer } && Name(consumer) is "Configure" or "Bind" or "AddOptions") return;
            _opaque.Add(path);
            Read(path, ConfigKeyReadKind.Section, required ? ConfigKeyRequirement.Required : ConfigKeyRequirement.Optional, true, invocation.ArgumentList.Arguments[0].Expression);
        }

        private void Bind(InvocationExpressionSyntax invocation)
        {
            var args = invocation.ArgumentList.Arguments;
            // optionsBuilder.Bind(section) (OptionsBuilderConfigurationExtensions)
            if (args.Count >= 1 && OptionsTypeOfChain(invocation) is { } chained)
            {
                if (SectionPath(args[0].Expression) is { } p) Options(chained.Syntax, chained.Symbol, p, invocation, false);
                return;
            }
            if (!IsConfigurationBinder(invocation) || Receiver(invocation) is not { } receiver || SectionPath(receiver) is not { } prefix) return;
            // configuration.Bind("S", instance) or section.Bind(instance)
            ExpressionSyntax instance;
            if (args.Count >= 2 && Constant(args[0].Expression) is { } key) { prefix = Join(prefix, key); instance = args[1].Expression; }
            else if (args.Count >= 1) instance = args[0].Expression;
            else return;
            var typeSymbol = _model?.GetTypeInfo(instance).Type as INamedTypeSymbol;
            var typeSyntax = _model is null ? _owner._syntax!.TypeOfInstance(instance) : null;
            if (typeSymbol is null && typeSyntax is null) { _opaque.Add(prefix); return; }
            Options(typeSyntax, typeSymbol, prefix, invocation, false);
        }

        private void Configure(InvocationExpressionSyntax invocation)
        {
            if (Generic(invocation) is not { TypeArgumentList.Arguments.Count: 1 } g) return;
            var args = invocation.ArgumentList.Arguments;
            // services.Configure<T>(section) / Configure<T>("name", section); a lambda configures in code.
            var sectionArg = args.LastOrDefault()?.Expression;
            if (sectionArg is null or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax) return;
            if (_model is not null)
            {
                if (_model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol m || m.ContainingType.Name != "OptionsConfigurationServiceCollectionExtensions") return;
            }
            if (SectionPath(sectionArg) is not { } path) return;
            Options(g.TypeArgumentList.Arguments[0], null, path, invocation, false);
        }

        /// <summary>The T of <c>AddOptions&lt;T&gt;()</c> at the start of a fluent chain ending in this call.</summary>
        private (TypeSyntax? Syntax, INamedTypeSymbol? Symbol)? OptionsTypeOfChain(InvocationExpressionSyntax invocation)
        {
            if (_model is not null)
            {
                if (_model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol m) return null;
                var receiverType = m.ReducedFrom is not null ? m.ReceiverType : m.Parameters.FirstOrDefault()?.Type;
                if (receiverType is INamedTypeSymbol { Name: "OptionsBuilder", TypeArguments.Length: 1 } ob && ob.TypeArguments[0] is INamedTypeSymbol t)
                    return (null, t);
                return null;
            }
            var e = Receiver(invocation);
            while (e is InvocationExpressionSyntax inner)
            {
                if (Generic(inner) is { Identifier.ValueText: "AddOptions" or "AddOptionsWithValidateOnStart", TypeArgumentList.Arguments.Count: >= 1 } g)
                    return (g.TypeArgumentList.Arguments[0], null);
                e = Receiver(inner);
            }
            return null;
        }

        private void Options(TypeSyntax? typeSyntax, INamedTypeSymbol? symbol, string section, SyntaxNode at, bool defaulted)
        {
            if (_model is not null && symbol is null && typeSyntax is not null) symbol = _model.GetTypeInfo(typeSyntax).Type as INamedTypeSymbol;
            var reader = new OptionsTypeReader(_model is null ? _owner._syntax : null, _owner._nullableByDefault);
            var properties = symbol is not null ? reader.FromSymbol(symbol) : typeSyntax is not null ? reader.FromSyntax(typeSyntax) : null;
            if (properties is null) { _opaque.Add(section); return; }
            foreach (var p in properties)
            {
                var requirement = defaulted && p.Requirement == ConfigKeyRequirement.Required ? ConfigKeyRequirement.Defaulted : p.Requirement;
                Read(Join(section, p.Key), ConfigKeyReadKind.OptionsProperty, requirement, p.IsSection, at, p.Via);
            }
        }

        /// <summary>
        /// The configuration path an expression of type IConfiguration/IConfigurationSection stands for: "" for the root
        /// (a parameter, field, builder.Configuration), "A:B" for GetSection chains and locals holding them; null when the
        /// expression is not configuration or its path is built at run time.
        /// </summary>
        private string? SectionPath(ExpressionSyntax e, int depth = 0)
        {
            if (depth > 8) return null;
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            if (e is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang) e = bang.Operand;
            if (e is InvocationExpressionSyntax inv && Name(inv) is "GetSection" or "GetRequiredSection" && inv.ArgumentList.Arguments.Count == 1)
            {
                if (Receiver(inv) is not { } r || SectionPath(r, depth + 1) is not { } parent) return null;
                if (_model is not null && _model.GetSymbolInfo(inv).Symbol is IMethodSymbol m && !IsConfigurationType(m.ReturnType)) return null;
                return Constant(inv.ArgumentList.Arguments[0].Expression) is { } key ? Join(parent, key) : null;
            }
            if (_model is not null)
            {
                var type = _model.GetTypeInfo(e).Type;
                if (type is null || !IsConfigurationType(type)) return null;
                if (_model.GetSymbolInfo(e).Symbol is ILocalSymbol local)
                {
                    foreach (var r in local.DeclaringSyntaxReferences)
                        if (r.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } init } && r.SyntaxTree == _tree) return SectionPath(init, depth + 1);
                    return null;
                }
                return type.Name == "IConfigurationSection" ? null : "";
            }
            return _owner._syntax!.SectionPathOf(e, depth, SectionPathFromInitializer);
        }

        internal string? SectionPathFromInitializer(ExpressionSyntax init, int depth) => SectionPath(init, depth + 1);

        private static bool IsConfigurationType(ITypeSymbol type)
        {
            if (IsConfigurationInterface(type)) return true;
            foreach (var i in type.AllInterfaces) if (IsConfigurationInterface(i)) return true;
            return false;
        }

        private static bool IsConfigurationInterface(ITypeSymbol t) =>
            t.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager"
            && t.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";

        /// <summary>The configuration prefix of the receiver when the call is <paramref name="extensionType"/>'s extension on configuration.</summary>
        private string? ConfigReceiver(InvocationExpressionSyntax invocation, string extensionType)
        {
            if (Receiver(invocation) is not { } receiver) return null;
            if (_model is not null && !IsMethodOf(invocation, extensionType, Name(invocation)!)) return null;
            return SectionPath(receiver);
        }

        private bool IsConfigurationBinder(InvocationExpressionSyntax invocation) =>
            _model is null || IsMethodOf(invocation, "ConfigurationBinder", Name(invocation)!);

        private bool IsMethodOf(InvocationExpressionSyntax invocation, string containingType, string name)
        {
            if (_model is null) return true;
            return _model.GetSymbolInfo(invocation).Symbol is IMethodSymbol m && m.Name == name && m.ContainingType?.Name == containingType;
        }

        private bool IsExtensionOnConfigurationBuilder(InvocationExpressionSyntax invocation) =>
            _model!.GetSymbolInfo(invocation).Symbol is IMethodSymbol { IsExtensionMethod: true } m
            && (m.ReceiverType?.Name is "IConfigurationBuilder" or "ConfigurationManager" || m.ReceiverType?.AllInterfaces.Any(i => i.Name == "IConfigurationBuilder") == true);

        private bool IsProcessEnvironment(InvocationExpressionSyntax invocation)
        {
            if (_model is not null)
                return _model.GetSymbolInfo(invocation).Symbol is IMethodSymbol m && m.ContainingType?.ToDisplayString() == "System.Environment";
            return Receiver(invocation)?.ToString() is "Environment" or "System.Environment";
        }

        private bool IsStaticOn(InvocationExpressionSyntax invocation, string typeName, string fullName)
        {
            if (_model is not null)
                return _model.GetSymbolInfo(invocation).Symbol is IMethodSymbol m && m.ContainingType?.ToDisplayString() == fullName;
            var r = Receiver(invocation)?.ToString();
            return r == typeName || r == fullName;
        }

        /// <summary>The read has a fallback: <c>read ?? value</c> (not <c>?? throw</c>).</summary>
        private static bool IsDefaulted(ExpressionSyntax read)
        {
            SyntaxNode node = read;
            while (node.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }) node = node.Parent;
            return node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } b && b.Left == node && b.Right is not ThrowExpressionSyntax;
        }

        /// <summary>A compile-time constant string: the compiler's value, or in syntax mode what <see cref="SyntaxKeys"/> can prove.</summary>
        private string? Constant(ExpressionSyntax e)
        {
            if (_model is not null)
            {
                var value = _model.GetConstantValue(e);
                return value.HasValue && value.Value is string s && s.Length > 0 ? s : null;
            }
            return _owner._syntax!.Constant(e) is { Length: > 0 } c ? c : null;
        }
    }
}
