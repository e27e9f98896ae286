using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Parsing;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>kustomize's own parsing rules (env files, literals, files, behavior) and how findings locate kustomize values.</summary>
public class KustomizeSemanticsTests
{
    private static Dictionary<string, string> Data(KustomizeBuild b, string kind = "ConfigMap") =>
        b.Resources.Single(r => r.Kind == kind).DataEntries().ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Env_file_splits_at_the_first_equals_without_quote_or_comment_handling()
    {
        var b = KustomizeModel.Build(new Dictionary<string, string>
        {
            ["kustomization.yaml"] = "configMapGenerator:\n- name: c\n  envs: [a.env]\n",
            ["a.env"] = "\uFEFFA=1\n  # comment\n\nB = \"q\" \nC=x=y\nD=v # not a comment\nE='single'\nbare\r\nF=crlf\r\n",
        }, "kustomization.yaml");
        var d = Data(b);
        Assert.Equal("1", d["A"]);
        Assert.Equal(" \"q\" ", d["B "]);
        Assert.Equal("x=y", d["C"]);
        Assert.Equal("v # not a comment", d["D"]);
        Assert.Equal("'single'", d["E"]);
        Assert.Equal("", d["bare"]);
        Assert.Equal("crlf", d["F"]);
        Assert.Equal(7, d.Count);
    }

    [Fact]
    public void Literals_strip_one_pair_of_matching_quotes()
    {
        var b = KustomizeModel.Build(new Dictionary<string, string>
        {
            ["kustomization.yaml"] = "configMapGenerator:\n- name: c\n  literals:\n  - A=\"x\"\n  - B='y'\n  - C=\"z'\n  - D=\"\"w\"\"\n  - E=a=b\n",
        }, "kustomization.yaml");
        var d = Data(b);
        Assert.Equal("x", d["A"]);
        Assert.Equal("y", d["B"]);
        Assert.Equal("\"z'", d["C"]);
        Assert.Equal("\"w\"", d["D"]);
        Assert.Equal("a=b", d["E"]);
    }

    [Fact]
    public void Duplicate_keys_in_one_generator_are_CG0014_at_the_second_key()
    {
        var findings = Scan.Rule("CG0014",
            ("overlays/staging/kustomization.yaml", "configMapGenerator:\n- name: c\n  literals:\n  - APP_ENV=staging\n  - APP_ENV=production\n"));
        var f = Assert.Single(findings);
        Assert.Equal((5, 5), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("duplicate key 'APP_ENV'", f.Message);
    }

    [Fact]
    public void A_generator_list_written_twice_is_CG0014_at_the_kept_key_when_its_merge_has_nothing_to_merge()
    {
        // The first configMapGenerator creates 'till-settings'; kustomize keeps only the second, whose merge then fails.
        const string overlay = "resources:\n- ../../base\nconfigMapGenerator:\n- name: till-settings\n  literals:\n  - CURRENCY=EUR\n" +
            "configMapGenerator:\n- name: till-settings\n  behavior: merge\n  literals:\n  - RECEIPT_FOOTER=merci\n";
        var f = Assert.Single(Scan.Rule("CG0014",
            ("base/kustomization.yaml", "resources: []\n"),
            ("overlays/local/kustomization.yaml", overlay)));
        Assert.Equal((7, 1), (f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("configMapGenerator is written twice", f.Message);
        Assert.Contains("(line 9)", f.Message);
    }

    [Fact]
    public void A_merge_with_nothing_to_merge_and_no_duplicate_key_is_CG0014_at_the_behavior()
    {
        var f = Assert.Single(Scan.Rule("CG0014",
            ("base/kustomization.yaml", "resources: []\n"),
            ("overlays/local/kustomization.yaml", "resources:\n- ../../base\nconfigMapGenerator:\n- name: till-settings\n  behavior: merge\n  literals:\n  - CURRENCY=EUR\n")));
        Assert.Equal(5, f.Span.StartLine);
        Assert.Contains("there is no ConfigMap 'till-settings'", f.Message);
    }

    [Fact]
    public void Literal_value_finding_points_inside_the_literal()
    {
        var f = Assert.Single(Scan.Rule("CG0001",
            ("overlays/staging/kustomization.yaml", $"secretGenerator:\n- name: s\n  literals:\n  - \"STRIPE_KEY={Scan.StripeLive()}\"\n  - APP_ENV=staging\n")));
        Assert.Equal((4, 17), (f.Span.StartLine, f.Span.StartColumn));
    }

    [Fact]
    public void Secret_manifest_data_is_base64_decoded_for_analysis()
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Scan.StripeLive()));
        var findings = Scan.Rule("CG0001",
            ("overlays/staging/kustomization.yaml", "resources: [secret.yaml]\nconfigMapGenerator:\n- name: c\n  literals: [APP_ENV=staging]\n"),
            ("overlays/staging/secret.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  STRIPE_KEY: {encoded}\n"));
        Assert.Equal("overlays/staging/secret.yaml", Assert.Single(findings).Path);
    }

    [Fact]
    public void Behavior_replace_drops_the_base_keys_and_merge_keeps_them()
    {
        var files = new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "configMapGenerator:\n- name: c\n  literals: [A=1, B=2]\n",
            ["replace/kustomization.yaml"] = "resources: [../base]\nconfigMapGenerator:\n- name: c\n  behavior: replace\n  literals: [C=3]\n",
            ["merge/kustomization.yaml"] = "resources: [../base]\nconfigMapGenerator:\n- name: c\n  behavior: merge\n  literals: [B=9, C=3]\n",
        };
        Assert.Equal(new[] { "C" }, Data(KustomizeModel.Build(files, "replace/kustomization.yaml")).Keys);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "9", ["C"] = "3" }, Data(KustomizeModel.Build(files, "merge/kustomization.yaml")));
    }

    [Fact]
    public void Strategic_merge_and_json6902_patches_change_env_values_and_keep_the_patch_location()
    {
        var files = new Dictionary<string, string>
        {
            ["base/kustomization.yaml"] = "resources: [d.yaml]\n",
            ["base/d.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        env:\n        - name: A\n          value: base\n        - name: B\n          value: base\n",
            ["staging/kustomization.yaml"] = "resources: [../base]\npatches:\n- path: smp.yaml\n- target: {kind: Deployment, name: web}\n  patch: |-\n    - op: replace\n      path: /spec/template/spec/containers/0/env/1/value\n      value: from-json6902\n",
            ["staging/smp.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: A\n          value: from-smp\n",
        };
        var b = KustomizeModel.Build(files, "staging/kustomization.yaml");
        Assert.Empty(b.Problems);
        var env = b.Resources.Single().Containers().Single().GetSequence("env")!.Items.Cast<YamlTreeMap>().ToList();
        var a = env.Single(e => e.GetString("name") == "A").GetScalar("value")!;
        var bv = env.Single(e => e.GetString("name") == "B").GetScalar("value")!;
        Assert.Equal(("from-smp", "staging/smp.yaml", 12), (a.Value, a.Path, a.ValueSpan.StartLine));
        Assert.Equal(("from-json6902", "staging/kustomization.yaml", 8, 14), (bv.Value, bv.Path, bv.ValueSpan.StartLine, bv.ValueSpan.StartColumn));
    }
}
