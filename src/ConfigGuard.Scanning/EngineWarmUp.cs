using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;

namespace ConfigGuard.Scanning;

/// <summary>
/// While git lists and diffs (tens of milliseconds in another process, this one idle), a second thread builds what the
/// analysis needs first: the rule pack's catalogs and regexes, and the code of the parsers and rules (a few methods
/// the precompiled image lacks are compiled on first call). It analyzes three made-up files with a throwaway engine;
/// what it builds is shared (the pack, its answer caches, compiled code) and what it finds is dropped. The scan does
/// not wait for it: a part both want is built once (the pack's parts are Lazy), by whichever thread comes first.
/// </summary>
public static class EngineWarmUp
{
    private static readonly SourceFile[] Files =
    {
        new(".env", "APP_ENV=base\nLOG_LEVEL=info\n"),
        new(".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@db.staging.example.net:5432/app\nAPI_KEY=${API_KEY}\n"),
        new(".env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@db.example.net:5432/app\nAPI_KEY=${API_KEY}\n"),
    };

    /// <returns>The warm-up (done at once on a single core, where it could only compete with the scan); callers need not wait.</returns>
    public static Task<int> Start(RulePack pack, ConfigGuardSettings settings)
    {
        if (Environment.ProcessorCount < 2) return Task.FromResult(0);
        return Task.Run(() =>
        {
            try { return new AnalysisEngine(pack, settings).Analyze(Files).Findings.Count; }
            catch (Exception) { return -1; /* a warm-up that fails leaves the scan to build everything itself */ }
        });
    }
}
