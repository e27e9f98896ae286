using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Analyzers.Tests.Verification;

/// <summary>
/// .editorconfig text turned into what the compiler gives analyzers in a real build: per-file analyzer options
/// (<c>configguard.*</c> keys) and per-file severities (<c>dotnet_diagnostic.CG1001.severity</c>). Parsing is
/// Roslyn's own (<see cref="AnalyzerConfig.Parse"/> and <see cref="AnalyzerConfigSet"/>), so sections and globs
/// behave exactly as in <c>dotnet build</c>. Both providers look files up by path, so they also work on the
/// trees of a workspace's compilation when fixes are applied.
/// </summary>
public sealed class TestOptions
{
    private readonly AnalyzerConfigSet _set;

    public TestOptions(IEnumerable<(string Path, string Text)> editorConfigs)
    {
        _set = AnalyzerConfigSet.Create(editorConfigs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray());
    }

    public AnalyzerConfigOptionsResult For(string path) => _set.GetOptionsForSourcePath(path);

    public AnalyzerConfigOptionsResult Global => _set.GlobalConfigOptions;

    public AnalyzerConfigOptionsProvider AnalyzerOptions => new OptionsProvider(this);

    public SyntaxTreeOptionsProvider SeverityOptions => new SeverityProvider(this);

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        public override IEnumerable<string> Keys => values.Keys;
    }

    private sealed class OptionsProvider(TestOptions owner) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(owner.Global.AnalyzerOptions);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(owner.For(tree.FilePath).AnalyzerOptions);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(owner.For(textFile.Path).AnalyzerOptions);
    }

    private sealed class SeverityProvider(TestOptions owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var v) && v == "true" ? GeneratedKind.MarkedGenerated : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.Global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
