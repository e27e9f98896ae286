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
/// Patterns a repository writes that the non-backtracking engine cannot run (lookaround, backreferences) backtrack
/// with a timeout per match; one run spends at most <see cref="RegexBudget.DefaultLimit"/> on them in all, then skips
/// their remaining matches with a note at the pattern's place. Before: 250 ms per value for a credential pattern,
/// 100 ms per patch x object for a patch target (40 x 40: minutes).
/// </summary>
[Collection(nameof(AmplificationTests))]
public sealed class RegexBudgetTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static AnalysisResult Analyze(string? settingsYaml, params (string Path, string Text)[] files)
    {
        var settings = settingsYaml is null ? ConfigGuardSettings.Empty : SettingsParser.Parse(settingsYaml, RulePack.Default, "ops/configguard.yaml");
        var engine = new AnalysisEngine(RulePack.Default, settings);
        var sources = files.Select(f => new SourceFile(f.Path, f.Text)).ToList();
        var byPath = sources.ToDictionary(s => s.Path, s => s.Text);
        return engine.Analyze(sources, p => byPath.TryGetValue(p, out var t) ? t : null);
    }

    private static AnalysisResult Timed(Func<AnalysisResult> run)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.True(used < Bound, $"took {used.TotalSeconds:F1} s of CPU ({watch.Elapsed.TotalSeconds:F1} s wall)");
        return result;
    }

    // A lookahead keeps the pattern off the non-backtracking engine; (b|bb)+ then backtracks exponentially on a run of b's
    // that does not end in the eight capitals the pattern wants.
    private const string BacktrackingCredential =
        "credentials:\n- id: relay-token\n  provider: Relay\n  keyword: rly_\n  mode: live\n  pattern: '(?=rly_)rly_(b|bb)+[0-9A-Z]{8}'\n";

    [Fact]
    public void A_credential_pattern_that_backtracks_over_300_values_stops_at_the_budget_with_a_note_at_the_pattern()
    {
        var value = "rly_" + new string('b', 34) + "?";
        var files = Enumerable.Range(0, 300).Select(i => ($"svc{i}/.env.staging", $"APP_ENV=staging\nRELAY_HANDLE={value}\n")).ToArray();
        var result = Timed(() => Analyze(BacktrackingCredential, files));
        var note = Assert.Single(result.Notices, n => n.Message.Contains("time budget"));
        Assert.Equal("ops/configguard.yaml", note.Path);
        Assert.Equal(6, note.Line);
        Assert.Contains("credential pattern 'relay-token'", note.Message);
        Assert.Contains("were skipped", note.Message);
    }

    [Fact]
    public void A_credential_pattern_that_backtracks_still_finds_its_token_when_the_budget_lasts()
    {
        var result = Analyze(BacktrackingCredential, (".env.staging", "APP_ENV=staging\nRELAY_HANDLE=rly_bbbK4M9Q2ZX\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "CG0001" && f.Key == "RELAY_HANDLE");
        Assert.DoesNotContain(result.Notices, n => n.Message.Contains("time budget"));
    }

    [Fact]
    public void A_linear_credential_pattern_is_never_charged_to_the_budget()
    {
        var pattern = new CredentialPattern("relay-plain", "Relay", CredentialMode.Live, "rly_", "rly_(b|bb)+[0-9A-Z]{8}", false, null, userDefined: true);
        var budget = new RegexBudget(TimeSpan.Zero);
        var catalog = new CredentialCatalog(new[] { pattern }, budget);
        Assert.Single(catalog.Scan("x rly_bbbK4M9Q2ZX y"));
        Assert.Empty(budget.Skipped);
    }

    [Fact]
    public void A_spent_budget_skips_backtracking_user_patterns_but_not_the_built_in_catalog()
    {
        var pattern = new CredentialPattern("relay-look", "Relay", CredentialMode.Live, "rly_", "(?=rly_)rly_(b|bb)+[0-9A-Z]{8}", false, null, userDefined: true)
        {
            Place = new RegexBudget.Place("configguard.yaml", 3, 5, "credential pattern 'relay-look'"),
        };
        var budget = new RegexBudget(TimeSpan.Zero);
        var catalog = new CredentialCatalog(new[] { pattern }.Concat(RulePack.Default.Credentials.Patterns).ToList(), budget);
        var found = catalog.Scan("rly_bbbK4M9Q2ZX and " + Rules.Scan.StripeLive());
        Assert.DoesNotContain(found, m => m.Pattern.Id == "relay-look");
        Assert.Contains(found, m => m.Pattern.Id != "relay-look");
        var (place, skipped) = Assert.Single(budget.Skipped);
        Assert.Equal(3, place.Line);
        Assert.Equal(1, skipped);
        Assert.Equal("configguard.yaml", Assert.Single(budget.Notes()).Path);
    }

    [Fact]
    public void A_patch_target_that_backtracks_40_patches_by_40_objects_stops_at_the_budget_with_a_note_at_the_target()
    {
        var sb = new StringBuilder();
        var name = new string('a', 30) + "-x";
        for (int i = 0; i < 40; i++) sb.Append($"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}{i}\ndata:\n  K: v\n");
        var patches = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"- target:\n    kind: ConfigMap\n    name: '(?=a)(a+)+$'\n  patch: |-\n    - op: add\n      path: /data/P{i}\n      value: x\n"));
        var result = Timed(() => Analyze(null,
            ("base/all.yaml", sb.ToString()),
            ("base/kustomization.yaml", "resources:\n- all.yaml\n"),
            ("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\npatches:\n" + patches)));
        var notes = result.Notices.Where(n => n.Message.Contains("time budget")).ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Equal("overlays/staging/kustomization.yaml", n.Path));
        Assert.All(notes, n => Assert.Contains("patch target pattern", n.Message));
    }

    [Fact]
    public void A_patch_target_with_lookahead_still_selects_what_it_names_when_the_budget_lasts()
    {
        var result = Analyze(null,
            ("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\ndata:\n  DEBUG: \"false\"\n"),
            ("base/kustomization.yaml", "resources:\n- cm.yaml\n"),
            ("overlays/production/kustomization.yaml", "resources:\n- ../../base\nnamespace: production\npatches:\n- target:\n    kind: ConfigMap\n    name: '(?=app-)app-.*'\n  patch: |-\n    - op: replace\n      path: /data/DEBUG\n      value: \"true\"\n"));
        Assert.Contains(result.Findings, f => f.RuleId == "CG0007" && f.Key == "DEBUG");
        Assert.DoesNotContain(result.Notices, n => n.Message.Contains("time budget"));
    }
}
