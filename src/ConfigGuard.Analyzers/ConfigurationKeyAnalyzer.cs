using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConfigGuard.Analyzers.ConfigurationReads;
using ConfigGuard.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConfigGuard.Analyzers;

/// <summary>
/// CG1007-CG1009: the configuration keys the code reads (<see cref="ConfigurationReadExtractor"/>, from the semantic
/// model of every tree) against what each environment of the project's config files provides (the engine's run over
/// the AdditionalFiles, shared with <see cref="ConfigFileAnalyzer"/>). Findings about a read are located in the .cs file
/// (CG1007: <c>#pragma</c> and .editorconfig apply as for any code rule); findings about a config key or a deployment
/// (CG1008, CG1009) inside the config file. Nothing runs when the project hands the compiler no config file, so a
/// project without the ConfigGuard package's config items pays nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationKeyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CG1007, DiagnosticDescriptors.CG1008, DiagnosticDescriptors.CG1009);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ConfigFileAnalyzer.HasConfigFiles(start.Options)) return;
            var extractor = new ConfigurationReadExtractor();
            if (start.Compilation.Assembly.GetAttributes().Any(a => a.AttributeClass?.Name == "UserSecretsIdAttribute")) extractor.NoteUserSecrets();
            start.RegisterSemanticModelAction(m => extractor.Add(m.SemanticModel.SyntaxTree, m.SemanticModel, m.SemanticModel.SyntaxTree.FilePath, m.CancellationToken));
            start.RegisterCompilationEndAction(end =>
            {
                var run = ConfigFileAnalyzer.Get(end.Compilation, end.Options, null, end.CancellationToken);
                if (run.Engine is null || run.Result is null) return;
                var facts = Relative(extractor.Build(), run.RootFolder);
                var trees = end.Compilation.SyntaxTrees.GroupBy(t => Relative(t.FilePath, run.RootFolder), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var finding in run.Engine.AnalyzeCode(run.Result, facts))
                {
                    var descriptor = finding.RuleId switch
                    {
                        "CG1007" => DiagnosticDescriptors.CG1007,
                        "CG1008" => DiagnosticDescriptors.CG1008,
                        "CG1009" => DiagnosticDescriptors.CG1009,
                        _ => null,
                    };
                    if (descriptor is null) continue;
                    var location = LocationOf(finding.Path, finding.Span, trees, run);
                    if (location is null) continue;
                    var related = finding.Related.Select(r => LocationOf(r.Path, r.Span, trees, run)).Where(l => l is not null).Cast<Location>().ToList();
                    end.ReportDiagnostic(Diagnostic.Create(descriptor, location, ToDiagnosticSeverity(finding.Severity), related,
                        ImmutableDictionary<string, string?>.Empty.Add("key", finding.Key).Add("fingerprint", finding.Fingerprint), finding.Message));
                }
            });
        });
    }

    private static Location? LocationOf(string path, SourceSpan span, Dictionary<string, SyntaxTree> trees, ConfigFileAnalyzer.Run run)
    {
        if (trees.TryGetValue(path, out var tree))
        {
            int start = Math.Max(0, Math.Min(span.Start, tree.Length));
            return Location.Create(tree, TextSpan.FromBounds(start, Math.Max(start, Math.Min(span.End, tree.Length))));
        }
        return run.LocationFor(path, span);
    }

    /// <summary>Source paths relative to the config root, as the engine names config files, so messages read alike.</summary>
    private static Core.CodeKeys.CodeFacts Relative(Core.CodeKeys.CodeFacts facts, string root) => new(
        facts.Reads.Select(r => new Core.CodeKeys.ConfigKeyRead(r.Key, r.Kind, r.Requirement, r.IsSection, Relative(r.Path, root), r.Span, r.Via)).ToList(),
        facts.OpaqueSections,
        facts.Hosts.Select(h => new Core.CodeKeys.AppHost(h.Kind, h.Call, Relative(h.Path, root), h.Span)).ToList(),
        facts.EnvironmentVariablePrefixes, facts.SecretStoreSources, facts.UsesUserSecrets);

    private static string Relative(string path, string root)
    {
        var normalized = path.Replace('\\', '/');
        return root.Length > 0 && normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? normalized.Substring(root.Length) : normalized;
    }

    private static DiagnosticSeverity ToDiagnosticSeverity(Severity s) => s switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
