using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Concurrency;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Rules;
using ConfigGuard.Core.Settings;

using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Engine;

/// <summary>
/// The engine every front end shares: (path, text) in, findings out, no I/O. Files are parsed in parallel;
/// output order is deterministic (path, line, column, rule).
/// </summary>
public sealed class AnalysisEngine
{
    private readonly RulePack _pack;
    private readonly ConfigGuardSettings _settings;
    private readonly SeverityPolicy _severity;
    private readonly EnvironmentInference _inference;
    private readonly EndpointClassifier _evidence;
    private readonly KeyPatternSet _secretKeys;
    private readonly ResourceKeyCatalog _resources;
    private readonly CredentialCatalog _credentials;
    private readonly RegexBudget _regexBudget = new();

    public AnalysisEngine(RulePack pack, ConfigGuardSettings? settings = null, Func<string, string, Severity?>? severityPerPath = null)
    {
        _pack = pack;
        _settings = settings ?? ConfigGuardSettings.Empty;
        _severity = new SeverityPolicy(pack, _settings, severityPerPath);
        _inference = new EnvironmentInference(pack, _settings);
        _evidence = new EndpointClassifier(pack, _settings.ProductionHosts, _settings.ProductionDomains);
        _secretKeys = _settings.SecretKeys.Count == 0
            ? pack.Keys.SecretKeys
            : new KeyPatternSet(pack.Keys.SecretKeyPatterns.Concat(_settings.SecretKeys), linear: true);
        _resources = pack.Keys.Resources.With(_settings.ResourceKeys, _settings.ResourceExempt);
        _credentials = _settings.Credentials.Count == 0
            ? pack.Credentials
            : new CredentialCatalog(_settings.Credentials.Concat(pack.Credentials.Patterns).ToList(), _regexBudget);
    }

    /// <summary>This engine's (this run's) time budget for the regexes a repository writes (<see cref="RegexBudget"/>).</summary>
    public RegexBudget RegexBudget => _regexBudget;

    /// <summary>The resource keys in force: the rule pack's plus configguard.yaml's, minus its exemptions.</summary>
    public ResourceKeyCatalog Resources => _resources;

    /// <summary>A sink with this engine's settings; also what front ends use to render a value safely (<see cref="FindingSink.DisplayValue(string, string)"/>).</summary>
    public FindingSink CreateSink() => new(_pack, _evidence, _secretKeys, _resources, _credentials);

    /// <summary>
    /// Parses one .env or appsettings file and assigns its environment (path evidence, then a declared key).
    /// Kustomizations never come here: <see cref="KustomizeProject.Load"/> reads them, and the files they read, first.
    /// </summary>
    private ConfigFile Load(SourceFile source)
    {
        var format = ConfigFileKind.Detect(RepoPath.FileName(source.Path)) ?? ConfigFormat.DotEnv;
        var parsed = format == ConfigFormat.AppSettingsJson
            ? AppSettingsJsonParser.Parse(source.Path, source.Text)
            : DotEnvParser.Parse(source.Path, source.Text);
        var assignment = _inference.FromPath(source.Path, format);
        assignment = _inference.WithDeclaration(assignment, FirstDeclaration(parsed));
        return new ConfigFile(parsed, assignment, source.Facts);
    }

    /// <summary>
    /// Kustomizations among <paramref name="sources"/> are rendered in process from the other sources (the files they
    /// reference must be in the list); files a kustomization reads are analyzed as kustomize, not as .env.
    /// </summary>
    /// <param name="readReferenced">Reads a file a kustomization references that is not among the sources (see <see cref="KustomizeProject.Load"/>).</param>
    /// <param name="whyUnreadable">For a referenced path the read function returned null for although it exists: why it could not be read (permission denied, a FIFO, over the size cap); null when it does not exist.</param>
    public AnalysisResult Analyze(IReadOnlyList<SourceFile> sources, Func<string, string?>? readReferenced = null, Func<string, string?>? whyUnreadable = null)
    {
        var kustomize = KustomizeProject.Load(sources, _inference, _pack.Environments, readReferenced, whyUnreadable, _regexBudget);
        var rest = sources.Where(s => !kustomize.Consumed.Contains(s.Path)).ToList();
        var files = new ConfigFile[rest.Count];
        ParallelWork.For(rest.Count, i => files[i] = Load(rest[i]));
        return Analyze(files.Concat(kustomize.Files).ToList(), kustomize.Views, kustomize.Notices);
    }

    public AnalysisResult Analyze(IReadOnlyList<ConfigFile> loaded) => Analyze(loaded, Array.Empty<EnvironmentView>(), Array.Empty<Notice>());

    /// <param name="extraViews">Views built outside <see cref="ViewBuilder"/> (kustomize overlays).</param>
    public AnalysisResult Analyze(IReadOnlyList<ConfigFile> loaded, IReadOnlyList<EnvironmentView> extraViews, IReadOnlyList<Notice> notices)
    {
        var files = loaded.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var sink = CreateSink();
        sink.Files = files;
        ParallelWork.ForEach(files, file =>
        {
            foreach (var rule in RuleSet.FileRules) rule.Analyze(file, sink);
        });
        var views = ViewBuilder.Build(files);
        views.AddRange(extraViews);
        PairBuilder.LinkSiblings(views);
        ParallelWork.ForEach(views, view =>
        {
            foreach (var rule in RuleSet.ViewRules) rule.Analyze(view, sink);
        });
        var pairNotices = new List<Notice>();
        var pairs = PairBuilder.Build(views, _inference.Names, pairNotices);
        if (pairNotices.Count > 0) notices = notices.Concat(pairNotices).ToList();
        ParallelWork.ForEach(pairs, pair =>
        {
            foreach (var rule in RuleSet.PairRules) rule.Analyze(pair, sink);
        });
        var shared = new Rules.SharedResourceRule();
        ParallelWork.ForEach(PairBuilder.BesideProduction(views), pair => shared.AnalyzeDataStores(pair, sink));
        if (_regexBudget.Spent) notices = notices.Concat(_regexBudget.Notes()).ToList();
        return Finish(sink.Findings, files, views, pairs, notices);
    }

    private AnalysisResult Finish(IEnumerable<Finding> raw, List<ConfigFile> files, List<EnvironmentView> views, List<EnvironmentPair> pairs, IReadOnlyList<Notice> notices)
    {
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var ordered = raw
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => EnvironmentOrder(f.RuleId, _pack.Environments.ClassifyValue(f.Environment)))
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();

        var seen = new HashSet<(string, string, int, int)>();
        var live = new HashSet<(string, int)>(ordered.Where(f => f.RuleId == "CG0001").Select(f => (f.Path, f.Span.Start)));
        var result = new List<Finding>();
        int suppressed = 0;
        var used = new HashSet<(string, int)>();
        foreach (var f in ordered)
        {
            // One report per rule and place: a base value that reaches several environments is reported once.
            if (!seen.Add((f.RuleId, f.Path, f.Span.Start, f.Span.Length))) continue;
            if (f.RuleId == "CG0013" && live.Contains((f.Path, f.Span.Start))) continue;
            var severity = _severity.For(f.Path, f.RuleId);
            if (severity == Severity.None) continue;
            if (byPath.TryGetValue(f.Path, out var file) && Suppressions.FindSuppressor(f, file.Parsed.Comments) is { } by)
            {
                used.Add((f.Path, by.Line));
                suppressed++;
                continue;
            }
            result.Add(severity == f.Severity ? f : f.WithSeverity(severity));
        }
        var directives = new List<SuppressionDirective>();
        foreach (var file in files)
        {
            foreach (var c in file.Parsed.Comments)
            {
                if (Suppressions.TryParse(c.Text, out var ids, out var reason))
                    directives.Add(new SuppressionDirective(file.Path, c.Line, ids, reason, used.Contains((file.Path, c.Line)), c.Column));
            }
        }
        return new AnalysisResult(OneMistakeOneFinding.Merge(result), files, views, suppressed, notices, pairs, directives);
    }

    /// <summary>
    /// The code-meets-config rules (CG1007-CG1009): the keys <paramref name="code"/> reads against what each environment of
    /// <paramref name="config"/> provides (<see cref="EnvironmentKeys"/>). Severity as for every rule (.editorconfig, then
    /// configguard.yaml, then the default; CG1007's default is error where production lacks the key, warning elsewhere);
    /// a finding located in a config file honours its configguard:ignore comments.
    /// </summary>
    public IReadOnlyList<Finding> AnalyzeCode(AnalysisResult config, CodeFacts code)
    {
        if (code.Reads.Count == 0 && code.Hosts.Count == 0) return Array.Empty<Finding>();
        var environments = EnvironmentKeys.From(config.Views, code);
        var sink = CreateSink();
        sink.Files = config.Files;
        var context = new CodeConfigContext(code, environments, config);
        foreach (var rule in RuleSet.CodeRules) rule.Analyze(context, sink);
        var byPath = config.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var result = new List<Finding>();
        var seen = new HashSet<(string, string, int, string)>();
        foreach (var f in sink.Findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.Start)
                     .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Environment, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal))
        {
            if (!seen.Add((f.RuleId, f.Path, f.Span.Start, f.Environment))) continue;
            var severity = _severity.For(f.Path, f.RuleId);
            if (f.RuleId == "CG1007" && severity == _pack.Rule(f.RuleId).DefaultSeverity)
            {
                var missing = environments.FirstOrDefault(e => e.Name == f.Environment);
                severity = KeyMissingInOneEnvironmentRule.SeverityFor(missing?.Class ?? EnvironmentClass.Unknown);
            }
            if (severity == Severity.None) continue;
            if (byPath.TryGetValue(f.Path, out var file) && Suppressions.FindSuppressor(f, file.Parsed.Comments) is not null) continue;
            result.Add(severity == f.Severity ? f : f.WithSeverity(severity));
        }
        return result;
    }

    // When a base value reaches several environments, the finding kept names the one that matters most: staging for
    // the rules about staging touching production, production for the rules about what production runs.
    private static int EnvironmentOrder(string ruleId, EnvironmentClass c) => c switch
    {
        EnvironmentClass.Staging => ProductionFirst(ruleId) ? 1 : 0,
        EnvironmentClass.Production => ProductionFirst(ruleId) ? 0 : 1,
        _ => 2,
    };

    private static bool ProductionFirst(string ruleId) => ruleId is "CG0006" or "CG0007" or "CG0008" or "CG0010";

    private ConfigEntry? FirstDeclaration(ParsedFile parsed)
    {
        foreach (var e in parsed.Entries)
        {
            if (_pack.Environments.DeclarationKeys.Contains(e.NormalizedKey)) return e;
        }
        return null;
    }
}
