using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Settings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ConfigGuard.Analyzers;

/// <summary>
/// The config rules (CG00xx) on the config files a project hands the compiler as AdditionalFiles (the ConfigGuard package's props
/// add <c>.env*</c>, <c>appsettings*.json</c>, kustomizations and the YAML beside them). The core engine runs once per
/// compilation over all of them (cross-file rules such as CG0005 and layering need every file) and each finding is
/// reported inside its config file, so it shows on the <c>.env.staging</c> line in the editor and as
/// <c>.env.staging(2,19): error CG0001: ...</c> in the build.
/// <list type="bullet">
/// <item>Text comes only from <see cref="AdditionalText.GetText"/>: nothing here touches the disk (RS1035).</item>
/// <item>Paths handed to the engine are relative to <c>build_property.ConfigGuardRoot</c> (the package exposes it with
/// <c>CompilerVisibleProperty</c>), so environment inference by folder (<c>overlays/staging/</c>) works as in the CLI;
/// without it, relative to the deepest folder holding every config file.</item>
/// <item>Git facts are unknown to a compiler, so CG0009 (local secret file tracked or not ignored) stays quiet here;
/// the CLI and the <c>ConfigGuardCheck</c> MSBuild target report it.</item>
/// <item>The baseline (<c>.configguard-baseline.json</c> at the root, an AdditionalFile the package adds) is applied
/// by <see cref="RunFinisher"/>, as in the CLI and the task; its notes (stale entries, suppressions without a reason)
/// have no place in a compilation and are left to the CLI.</item>
/// <item>Severity per file: <c>dotnet_diagnostic.CGxxxx.severity</c> from the .editorconfig files above the config
/// file, then configguard.yaml <c>rules:</c> (when configguard.yaml is an AdditionalFile), then the rule's default.
/// The compiler applies neither an .editorconfig section to a diagnostic located in an additional file nor hands the
/// <c>dotnet_diagnostic</c> keys to analyzers (they are kept out of <see cref="AnalyzerConfigOptions"/>), so the
/// package passes those .editorconfig files as AdditionalFiles too and they are read here with the compiler's own
/// parser (<see cref="AnalyzerConfig"/>, <see cref="AnalyzerConfigSet"/>): same sections, globs and <c>root = true</c>.
/// A <c>.globalconfig</c> and <c>-warnaserror</c>/<c>WarningsAsErrors</c> are applied by the compiler afterwards.</item>
/// </list>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
{
    public const string RootProperty = "build_property.ConfigGuardRoot";

    /// <summary>Files larger than this are skipped (the CLI's default --max-file-size).</summary>
    private const int MaxFileChars = 5 * 1024 * 1024;

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> DescriptorsById =
        DiagnosticDescriptors.ConfigRules.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.ConfigRules;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var candidates = start.Options.AdditionalFiles.Where(IsCandidate).ToList();
            if (!candidates.Any(f => ConfigFileKind.Detect(FileName(f.Path)) is not null)) return;
            var compilation = start.Compilation;
            var options = start.Options;
            start.RegisterAdditionalFileAction(file =>
            {
                if (!IsCandidate(file.AdditionalFile)) return;
                foreach (var d in Get(compilation, options, candidates, file.CancellationToken).DiagnosticsFor(file.AdditionalFile.Path)) file.ReportDiagnostic(d);
            });
        });
    }

#pragma warning disable RS1008 // a weak table keyed by the compilation: the run is collected with it
    private static readonly ConditionalWeakTable<Compilation, Lazy<Run>> Runs = new();
#pragma warning restore RS1008

    /// <summary>
    /// The engine's run over a compilation's config files, shared by this analyzer and <see cref="ConfigurationKeyAnalyzer"/>
    /// (one run per compilation, however many analyzers need it).
    /// </summary>
    private static Lazy<Run> RunFor(Compilation compilation, AnalyzerOptions options, List<AdditionalText>? candidates, CancellationToken token)
    {
        candidates ??= options.AdditionalFiles.Where(IsCandidate).ToList();
        var root = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(RootProperty, out var r) ? r : null;
        var provider = options.AnalyzerConfigOptionsProvider;
        var files = candidates;
        return Runs.GetValue(compilation, _ => new Lazy<Run>(() => Run.Create(files, root, provider, token), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    /// <summary>
    /// The compilation's run, made once and shared (<see cref="RunFor"/>). A run that failed is not kept: a cancelled one
    /// (the IDE cancels analysis as the user types) would otherwise answer every later request for that compilation with
    /// the same cancellation, which the compiler reports as an analyzer crash (AD0001) to a request that was not cancelled.
    /// </summary>
    internal static Run Get(Compilation compilation, AnalyzerOptions options, List<AdditionalText>? candidates, CancellationToken token)
    {
        for (int attempt = 1; ; attempt++)
        {
            var lazy = RunFor(compilation, options, candidates, token);
            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested && attempt < 3)
            {
                // Another request's run, cancelled under it: drop it and run for this request.
                Forget(compilation, lazy);
            }
            catch
            {
                Forget(compilation, lazy);
                throw;
            }
        }
    }

    private static void Forget(Compilation compilation, Lazy<Run> failed)
    {
        if (Runs.TryGetValue(compilation, out var current) && ReferenceEquals(current, failed)) Runs.Remove(compilation);
    }

    /// <summary>The project hands the analyzers config files (not only configguard.yaml or YAML).</summary>
    internal static bool HasConfigFiles(AnalyzerOptions options) =>
        options.AdditionalFiles.Any(f => ConfigFileKind.Detect(FileName(f.Path)) is not null);

    /// <summary>Config files, configguard.yaml, .editorconfig, the baseline, and any YAML (a kustomization may reference it).</summary>
    private static bool IsCandidate(AdditionalText file)
    {
        var name = FileName(file.Path);
        return ConfigFileKind.Detect(name) is not null || IsSettingsFile(name) || name == ".editorconfig" || name == Baseline.DefaultFileName
            || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSettingsFile(string name) =>
        name is "configguard.yaml" or "configguard.yml" or ".configguard.yaml";

    private static string FileName(string path)
    {
        int i = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return i < 0 ? path : path.Substring(i + 1);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>One engine run over a compilation's config files, with its diagnostics grouped by absolute path.</summary>
    internal sealed class Run
    {
        private readonly Dictionary<string, List<Diagnostic>> _byPath = new(StringComparer.Ordinal);
        private Dictionary<string, (AdditionalText File, SourceText Text, string Content)> _byRelative = new(StringComparer.Ordinal);

        /// <summary>The engine and its result (null when no config file could be read).</summary>
        public AnalysisEngine? Engine { get; private set; }
        public ConfigGuard.Core.Model.AnalysisResult? Result { get; private set; }
        /// <summary>Folder the engine's paths are relative to (ends in '/').</summary>
        public string RootFolder { get; private set; } = "";

        /// <summary>Where an engine path and span is in the compiler's terms, for a config file of this run.</summary>
        public Location? LocationFor(string relativePath, SourceSpan span) =>
            _byRelative.TryGetValue(relativePath, out var entry) ? LocationOf(entry.File.Path, entry.Text, span) : null;

        public IReadOnlyList<Diagnostic> DiagnosticsFor(string path) =>
            _byPath.TryGetValue(path, out var list) ? list : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();

        public static Run Create(List<AdditionalText> candidates, string? rootOption, AnalyzerConfigOptionsProvider provider, CancellationToken token)
        {
            var run = new Run();
            // Sorted by path for determinism; a path listed twice is read once.
            var files = new List<(AdditionalText File, string Full, SourceText Text)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in candidates.OrderBy(f => Normalize(f.Path), StringComparer.Ordinal))
            {
                token.ThrowIfCancellationRequested();
                if (!seen.Add(Normalize(f.Path))) continue;
                var text = f.GetText(token);
                if (text is null || text.Length > MaxFileChars) continue;
                files.Add((f, Normalize(f.Path), text));
            }
            if (files.Count == 0) return run;

            var root = Root(rootOption, files.Select(f => f.Full).ToList());
            run.RootFolder = root;
            var byRelative = run._byRelative;
            foreach (var (file, full, text) in files) byRelative[Relative(root, full)] = (file, text, text.ToString());

            // configguard.yaml: the one nearest the root.
            var settings = ConfigGuardSettings.Empty;
            var settingsPath = byRelative.Keys.Where(p => IsSettingsFile(RepoPath.FileName(p)))
                .OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (settingsPath is not null)
            {
                try { settings = SettingsParser.Parse(byRelative[settingsPath].Content, RulePack.Default); }
                catch (YamlFormatException errors)
                {
                    var (file, text, _) = byRelative[settingsPath];
                    foreach (var e in errors.Errors)
                    {
                        var line = Math.Max(0, Math.Min(e.Line - 1, text.Lines.Count - 1));
                        var span = text.Lines[line].Span;
                        run.Add(Diagnostic.Create(DiagnosticDescriptors.CG0012,
                            Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                            $"{settingsPath} is not a valid configguard.yaml: {e.Message}"));
                    }
                }
            }

            // Config files by name; YAML only when a kustomization references it (as the CLI collects them).
            var sources = new List<SourceFile>();
            foreach (var pair in byRelative.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (ConfigFileKind.Detect(RepoPath.FileName(pair.Key)) is null || settings.IsExcluded(pair.Key) || settings.IsVendored(pair.Key)) continue;
                sources.Add(new SourceFile(pair.Key, pair.Value.Content));
            }
            // Files a kustomization reads (its resources, patches, env files) come from the additional files on demand.
            string? Read(string relative) => byRelative.TryGetValue(relative, out var entry) ? entry.Content : null;
            if (sources.Count == 0) return run;
            token.ThrowIfCancellationRequested();

            var editorConfigs = AnalyzerConfigSet.Create(files
                .Where(f => FileName(f.Full) == ".editorconfig")
                .Select(f => AnalyzerConfig.Parse(f.Text, f.File.Path))
                .ToImmutableArray());
            var treeOptions = new Dictionary<string, ImmutableDictionary<string, ReportDiagnostic>>(StringComparer.Ordinal);
            Severity? FromEditorConfig(string relative, string ruleId)
            {
                if (!byRelative.TryGetValue(relative, out var entry)) return null;
                ImmutableDictionary<string, ReportDiagnostic> options;
                lock (treeOptions)
                {
                    if (!treeOptions.TryGetValue(relative, out options!))
                        treeOptions[relative] = options = editorConfigs.GetOptionsForSourcePath(entry.File.Path).TreeOptions;
                }
                if (options.TryGetValue(ruleId, out var report)) return FromReportDiagnostic(report);
                // Not there today (the compiler keeps dotnet_diagnostic keys out of analyzer options); honoured if it ever is.
                return provider.GetOptions(entry.File).TryGetValue("dotnet_diagnostic." + ruleId + ".severity", out var value)
                    && SeverityNames.TryParse(value, out var s) ? s : null;
            }

            // The baseline at the root, as `configguard check` and ConfigGuardCheck apply it (fingerprints hash the path
            // relative to the root, so they match when ConfigGuardRoot is the repository root).
            Baseline? baseline = null;
            if (byRelative.TryGetValue(Baseline.DefaultFileName, out var baselineFile))
            {
                baseline = Baseline.Parse(baselineFile.Content, out var error, out var errorLine);
                if (baseline is null)
                {
                    var line = Math.Max(0, Math.Min(errorLine - 1, baselineFile.Text.Lines.Count - 1));
                    var span = baselineFile.Text.Lines[line].Span;
                    run.Add(Diagnostic.Create(DiagnosticDescriptors.CG0012,
                        Location.Create(baselineFile.File.Path, span, baselineFile.Text.Lines.GetLinePositionSpan(span)),
                        $"{Baseline.DefaultFileName} cannot be read: {error}"));
                }
            }

            var engine = new AnalysisEngine(RulePack.Default, settings, FromEditorConfig);
            var result = engine.Analyze(sources, Read);
            run.Engine = engine;
            run.Result = result;
            var finished = RunFinisher.Finish(result.Findings, result.Notices, result.SuppressionDirectives, baseline);
            foreach (var finding in finished.Findings)
            {
                if (!DescriptorsById.TryGetValue(finding.RuleId, out var descriptor)) continue;
                if (!byRelative.TryGetValue(finding.Path, out var entry)) continue;
                var additional = new List<Location>();
                foreach (var related in finding.Related)
                {
                    if (byRelative.TryGetValue(related.Path, out var other)) additional.Add(LocationOf(other.File.Path, other.Text, related.Span));
                }
                run.Add(Diagnostic.Create(descriptor, LocationOf(entry.File.Path, entry.Text, finding.Span), ToDiagnosticSeverity(finding.Severity),
                    additional, ImmutableDictionary<string, string?>.Empty.Add("key", finding.Key).Add("fingerprint", finding.Fingerprint),
                    finding.Message));
            }
            return run;
        }

        private void Add(Diagnostic d)
        {
            var path = d.Location.GetLineSpan().Path;
            if (!_byPath.TryGetValue(path, out var list)) _byPath[path] = list = new List<Diagnostic>();
            list.Add(d);
        }

        private static Severity? FromReportDiagnostic(ReportDiagnostic report) => report switch
        {
            ReportDiagnostic.Error => Severity.Error,
            ReportDiagnostic.Warn => Severity.Warning,
            ReportDiagnostic.Info => Severity.Note,
            ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => Severity.None,
            _ => null,
        };

        private static DiagnosticSeverity ToDiagnosticSeverity(Severity s) => s switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            Severity.Note => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };

        /// <summary>The engine's 1-based line/column (the CLI's numbers) as the compiler's 0-based positions.</summary>
        private static Location LocationOf(string path, SourceText text, SourceSpan span)
        {
            int start = Math.Max(0, Math.Min(span.Start, text.Length));
            int end = Math.Max(start, Math.Min(span.End, text.Length));
            var textSpan = TextSpan.FromBounds(start, end);
            var lineSpan = span.IsEmpty
                ? text.Lines.GetLinePositionSpan(textSpan)
                : new LinePositionSpan(
                    new LinePosition(span.StartLine - 1, Math.Max(0, span.StartColumn - 1)),
                    new LinePosition(Math.Max(span.StartLine, span.EndLine) - 1, Math.Max(0, span.EndColumn - 1)));
            return Location.Create(path, textSpan, lineSpan);
        }

        /// <summary>ConfigGuardRoot when it holds every file; otherwise the deepest folder that does.</summary>
        private static string Root(string? option, List<string> fullPaths)
        {
            if (!string.IsNullOrWhiteSpace(option))
            {
                var root = Normalize(option!.Trim());
                if (!root.EndsWith("/", StringComparison.Ordinal)) root += "/";
                if (fullPaths.All(p => p.StartsWith(root, StringComparison.OrdinalIgnoreCase))) return root;
            }
            var common = fullPaths[0].Substring(0, fullPaths[0].LastIndexOf('/') + 1);
            foreach (var p in fullPaths.Skip(1))
            {
                while (common.Length > 0 && !p.StartsWith(common, StringComparison.OrdinalIgnoreCase))
                    common = common.Substring(0, common.TrimEnd('/').LastIndexOf('/') + 1);
            }
            return common;
        }

        private static string Relative(string root, string full) => full.Substring(root.Length);
    }
}
