using BenchmarkDotNet.Attributes;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Bench;

/// <summary>In-process costs: each parser, and the whole engine over one generated service group.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private string _dotenv = "";
    private string _json = "";
    private List<SourceFile> _files = new();
    private AnalysisEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cg-bench-" + Environment.ProcessId);
        CorpusGenerator.Generate(dir, 14 * 50);
        var all = Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith(".env") || Path.GetFileName(f).StartsWith("appsettings"))
            .Select(f => new SourceFile(Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();
        _files = all;
        _dotenv = all.First(f => f.Path.EndsWith(".env.staging")).Text;
        _json = all.First(f => f.Path.EndsWith("appsettings.json")).Text;
        _engine = new AnalysisEngine(RulePack.Default);
        Directory.Delete(dir, true);
    }

    [Benchmark]
    public int ParseDotEnv() => DotEnvParser.Parse(".env.staging", _dotenv).Entries.Count;

    [Benchmark]
    public int ParseAppSettings() => AppSettingsJsonParser.Parse("appsettings.json", _json).Entries.Count;

    [Benchmark]
    public int CredentialScan() => RulePack.Default.Credentials.Scan(_dotenv).Count;

    /// <summary>All rules over 50 services (350 config files).</summary>
    [Benchmark]
    public int Analyze50Services() => _engine.Analyze(_files).Findings.Count;
}
