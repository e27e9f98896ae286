using System.Diagnostics;
using System.Text;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using ConfigGuard.Core.Text;
using Xunit;

namespace ConfigGuard.Core.Tests.Robustness;

/// <summary>
/// Inputs within every size limit whose cost used to grow faster than their size (issue 16; figures in
/// bench/scaling.sh and docs). Each ran for minutes or exhausted gigabytes; now each is a second or two of work. The
/// bounds are CPU time of this process, measured with nothing else running in it (a collection of its own, not run
/// in parallel), and generous: the point is minutes versus seconds, on a machine shared with other jobs.
/// </summary>
[Collection(nameof(AmplificationTests))]
public sealed class AmplificationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private static AnalysisResult Analyze(string? settingsYaml, params (string Path, string Text)[] files)
    {
        var settings = settingsYaml is null ? ConfigGuardSettings.Empty : SettingsParser.Parse(settingsYaml, RulePack.Default);
        var engine = new AnalysisEngine(RulePack.Default, settings);
        var sources = files.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        var byPath = sources.ToDictionary(s => s.Path, s => s.Text);
        return engine.Analyze(sources, p => byPath.TryGetValue(p, out var t) ? t : null);
    }

    private static AnalysisResult Timed(Func<AnalysisResult> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.True(used < Bound, $"took {used.TotalSeconds:F1} s of CPU");
        return result;
    }

    [Fact]
    public void A_configmap_with_99000_keys()
    {
        var sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n");
        for (int i = 0; i < 99_000; i++) sb.Append("  SETTING_").Append(i).Append(": \"v").Append(i).Append("\"\n");
        sb.Append("  SETTING_7: \"again\"\n");
        var result = Timed(() => Analyze(null,
            ("base/settings.yaml", sb.ToString()),
            ("base/kustomization.yaml", "resources:\n- settings.yaml\n"),
            ("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n")));
        Assert.Contains(result.Findings, f => f.RuleId == "CG0012" && f.Message.Contains("duplicate key"));
    }

    [Fact]
    public void A_5_mb_line_of_placeholder_keys()
    {
        var unit = "sk_" + "test_" + new string('x', 24) + " ";
        var line = new StringBuilder("APP_ENV=staging\nNOTES=");
        while (line.Length < 5_000_000) line.Append(unit);
        Timed(() => Analyze(null, (".env.staging", line + "\n")));
    }

    [Fact]
    public void A_244_kb_appsettings_with_one_long_parent_key_and_many_leaves()
    {
        var parent = new string('P', 122_000);
        var leaves = string.Join(",", Enumerable.Range(0, 12_000).Select(i => $"\"k{i}\":1"));
        var text = $"{{\"Environment\":\"Staging\",\"{parent}\":{{{leaves},\"Stripe\":\"{Rules.Scan.StripeLive()}\"}}}}";
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Timed(() => Analyze(null, ("appsettings.Staging.json", text)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 400_000_000, $"allocated {allocated:N0} bytes");
        var live = Assert.Single(result.Findings, f => f.RuleId == "CG0001");
        Assert.True(live.Key!.Length < 300, "a long key is kept as a prefix and a hash");
        Assert.StartsWith("PPPP", live.Key);
    }

    [Fact]
    public void One_resource_listed_1000_times_is_one_error_and_rendered_once()
    {
        var cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
            + string.Concat(Enumerable.Range(0, 200).Select(i => $"  KEY_{i}: \"{new string('v', 100)}\"\n"));
        var result = Timed(() => Analyze(null,
            ("base/settings.yaml", cm),
            ("base/kustomization.yaml", "resources:\n" + string.Concat(Enumerable.Repeat("- settings.yaml\n", 1000))),
            ("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n")));
        var error = Assert.Single(result.Findings, f => f.RuleId is "CG0012" or "CG0014");
        Assert.Contains("listed more than once", error.Message);
        Assert.Equal(3, error.Span.StartLine);
    }

    [Fact]
    public void Ten_thousand_env_files_in_one_folder_end_in_a_note_about_the_pairs_not_compared()
    {
        var files = Enumerable.Range(0, 10_000)
            .Select(i => ($"svc/.env.s{i}", $"APP_ENV={(i % 2 == 0 ? "staging" : "production")}\nDATABASE_URL=postgres://app@db-{i}.internal:5432/app\n"))
            .ToArray();
        var result = Timed(() => Analyze(null, files));
        Assert.Contains(result.Notices, n => n.Path == "svc" && n.Message.Contains("only the first 2,000 of 25,000,000"));
    }

    [Fact]
    public void Pairs_under_the_cap_are_all_compared()
    {
        var result = Analyze(null,
            ("svc/.env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@db-main.internal:5432/app\n"),
            ("svc/.env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@db-main.internal:5432/app\n"));
        Assert.Single(result.Pairs);
        Assert.Empty(result.Notices);
        Assert.Contains(result.Findings, f => f.RuleId == "CG0005");
    }

    // ---- patterns a repository controls ----

    [Fact]
    public void Glob_patterns_that_would_backtrack_match_in_linear_time()
    {
        var glob = new Glob("*a*a*a*a*a*a*a*a*a*b");
        var name = new string('a', 5_000);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < 200; i++) Assert.False(glob.IsMatch("dir/" + name + i));
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.True(used < TimeSpan.FromSeconds(10), $"took {used.TotalSeconds:F1} s of CPU");
        Assert.True(glob.IsMatch("dir/" + name + "b"));
        Assert.True(new Glob("deploy/**/*.env").IsMatch("deploy/a/b/.env"));
        Assert.False(new Glob("deploy/*.env").IsMatch("deploy/a/.env"));
    }

    [Fact]
    public void A_kustomize_patch_target_regex_that_would_backtrack()
    {
        var sb = new StringBuilder();
        var name = new string('a', 30) + "!";
        for (int i = 0; i < 40; i++) sb.Append($"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}{i}\ndata:\n  K: v\n");
        var patches = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"- target:\n    kind: ConfigMap\n    name: '(a+)+$'\n  patch: |-\n    - op: add\n      path: /data/P{i}\n      value: x\n"));
        Timed(() => Analyze(null,
            ("base/all.yaml", sb.ToString()),
            ("base/kustomization.yaml", "resources:\n- all.yaml\n"),
            ("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\npatches:\n" + patches)));
    }

    [Fact]
    public void A_kustomize_patch_target_regex_still_selects_what_it_names()
    {
        var result = Analyze(null,
            ("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\ndata:\n  DEBUG: \"false\"\n"),
            ("base/kustomization.yaml", "resources:\n- cm.yaml\n"),
            ("overlays/production/kustomization.yaml", "resources:\n- ../../base\nnamespace: production\npatches:\n- target:\n    kind: ConfigMap\n    name: 'app-.*'\n  patch: |-\n    - op: replace\n      path: /data/DEBUG\n      value: \"true\"\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "CG0007" && f.Key == "DEBUG");
    }

    [Fact]
    public void A_configguard_yaml_credential_pattern_that_would_backtrack()
    {
        var settings = "credentials:\n- id: team-token\n  keyword: tok_\n  mode: live\n  pattern: 'tok_(a|aa)+[0-9A-Z]{8}'\n";
        var value = "tok_" + new string('a', 40) + "!";
        var files = Enumerable.Range(0, 200).Select(i => ($"s{i}/.env.staging", $"APP_ENV=staging\nT={value}\n")).ToArray();
        var result = Timed(() => Analyze(settings, files));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CG0001");
        var hit = Analyze(settings, (".env.staging", "APP_ENV=staging\nT=tok_aaQ7X2M9K4\n"));
        Assert.Contains(hit.Findings, f => f.RuleId == "CG0001");
    }

    [Fact]
    public void A_user_pattern_the_linear_engine_cannot_run_still_works_with_a_timeout()
    {
        var regex = LinearRegex.Create("(a)\\1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        Assert.True(regex.IsMatch("xaa"));
    }
}

[CollectionDefinition(nameof(AmplificationTests), DisableParallelization = true)]
public sealed class AmplificationTestsCollection
{
}
