using System.Diagnostics;
using System.Text;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Robustness;

/// <summary>
/// Kustomize input inside every file size limit that rendered into gigabytes (issue 16): one base under many overlays,
/// many large generator or resource files in one build. One build reads at most <see cref="KustomizeBuilder.MaxInputCharacters"/>,
/// one scan's builds <see cref="KustomizeProject.MaxInputCharacters"/>; what is left out is a note naming it, and
/// which kustomizations are left out does not depend on thread timing.
/// </summary>
[Collection(nameof(AmplificationTests))]
public sealed class KustomizeInputCapTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private static AnalysisResult Analyze(IEnumerable<(string Path, string Text)> files)
    {
        var engine = new AnalysisEngine(RulePack.Default);
        // As the CLI does it: kustomizations are the sources, what they reference is read on demand.
        var byPath = files.ToDictionary(f => f.Path, f => f.Text);
        var sources = files.Where(f => f.Path.EndsWith("kustomization.yaml", StringComparison.Ordinal)).Select(f => new SourceFile(f.Path, f.Text)).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = engine.Analyze(sources, p => byPath.TryGetValue(p, out var t) ? t : null);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.True(used < Bound, $"took {used.TotalSeconds:F1} s of CPU");
        return result;
    }

    /// <summary>A ConfigMap of about <paramref name="bytes"/> bytes: keys of 200-character values.</summary>
    private static string BigConfigMap(string name, int bytes)
    {
        var sb = new StringBuilder($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n");
        for (int i = 0; sb.Length < bytes; i++) sb.Append("  ORDER_SETTING_").Append(i).Append(": \"").Append('q', 200).Append("\"\n");
        return sb.ToString();
    }

    private static IEnumerable<(string, string)> OverlaysOfOneBase(int overlays, int baseBytes)
    {
        yield return ("base/orders.yaml", BigConfigMap("orders", baseBytes));
        yield return ("base/kustomization.yaml", "resources:\n- orders.yaml\n");
        for (int i = 0; i < overlays; i++)
        {
            // The first overlay in path order carries a live key: it is rendered, so it is reported.
            var literal = i == 0 ? $"\nconfigMapGenerator:\n- name: pay\n  literals:\n  - PAYMENT_KEY={Rules.Scan.StripeLive()}\n" : "\n";
            yield return ($"overlays/staging-{i:D3}/kustomization.yaml", $"resources:\n- ../../base\nnamespace: staging-{i}{literal}");
        }
    }

    [Fact]
    public void Two_hundred_overlays_of_a_half_megabyte_base_stop_at_the_scan_cap_with_notes_naming_what_was_left_out()
    {
        var result = Analyze(OverlaysOfOneBase(200, 512 * 1024));
        // Must flag: the first overlay is rendered.
        Assert.Contains(result.Findings, f => f.RuleId == "CG0001" && f.Path == "overlays/staging-000/kustomization.yaml");
        var notes = result.Notices.Where(n => n.Message.StartsWith("not rendered", StringComparison.Ordinal)).ToList();
        // About 128 overlays fit in 64 MB of input (each reads the 0.5 MB base once); the other ~70 are left out, named up to ten, then counted.
        Assert.Equal(11, notes.Count);
        Assert.All(notes, n => Assert.StartsWith("overlays/staging-", n.Path));
        Assert.Contains("more after it were not analyzed", notes[^1].Message);
        int skipped = 10 + int.Parse(System.Text.RegularExpressions.Regex.Match(notes[^1].Message, @"and (\d+) more").Groups[1].Value) + 1;
        Assert.InRange(skipped, 50, 100);
        // The same overlays are left out on every run, whatever the threads did.
        var again = Analyze(OverlaysOfOneBase(200, 512 * 1024));
        Assert.Equal(notes.Select(n => n.Path + n.Message), again.Notices.Where(n => n.Message.StartsWith("not rendered", StringComparison.Ordinal)).Select(n => n.Path + n.Message));
    }

    [Fact]
    public void Twenty_one_megabyte_generator_files_in_one_build_stop_at_the_build_cap_with_a_note_at_the_file()
    {
        var files = new List<(string, string)>();
        var filler = new string('z', 1024 * 1024);
        for (int i = 0; i < 20; i++)
            files.Add(($"base/blobs/part{i:D2}.txt", i is 0 or 19 ? $"PAYMENT_KEY={Rules.Scan.StripeLive()}\n{filler}" : filler));
        files.Add(("base/kustomization.yaml", "configMapGenerator:\n- name: parts\n  envs:\n  - blobs/part00.txt\n  files:\n"
            + string.Concat(Enumerable.Range(1, 19).Select(i => $"  - blobs/part{i:D2}.txt\n"))));
        files.Add(("overlays/staging/kustomization.yaml", "resources:\n- ../../base\nnamespace: staging\n"));
        var result = Analyze(files);
        var note = Assert.Single(result.Notices, n => n.Message.Contains("MB of kustomize input"));
        Assert.Equal("base/kustomization.yaml", note.Path);
        Assert.Contains("'blobs/part0", note.Message);
        Assert.Contains("and what follows are not rendered", note.Message);
        // Must flag: the key in the first file, read before the cap. The one in the last file is past it (and the note says so).
        Assert.Contains(result.Findings, f => f.RuleId == "CG0001" && f.Path == "base/blobs/part00.txt");
        Assert.DoesNotContain(result.Findings, f => f.Path == "base/blobs/part19.txt");
        // A build past the cap is incomplete: no "patch has no effect" or similar guess about what it did not see.
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CG0019");
    }

    [Fact]
    public void An_ordinary_base_and_overlays_are_under_every_cap()
    {
        var result = Analyze(OverlaysOfOneBase(40, 20 * 1024));
        Assert.DoesNotContain(result.Notices, n => n.Message.Contains("MB of"));
        Assert.Contains(result.Findings, f => f.RuleId == "CG0001");
    }
}
