using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.Leaks;

/// <summary>Errors and notes name the place and the kind of problem, never a value that may be a secret.</summary>
public class ErrorMessageEchoTests
{
    private static readonly string Live = Scan.StripeLive("Er7x");

    private static IReadOnlyList<Finding> Kustomize(params (string Path, string Text)[] files) => Scan.Files(files);

    private static string Kust(string body) => "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + body;

    private static void NoPieceOf(string secret, string text)
    {
        for (int i = 0; i + 8 <= secret.Length; i++) Assert.DoesNotContain(secret.Substring(i, 8), text);
    }

    [Fact]
    public void A_secretGenerator_literal_without_equals_is_an_error_without_its_text()
    {
        var findings = Kustomize(("deploy/overlays/staging/kustomization.yaml", Kust($"secretGenerator:\n- name: api\n  literals:\n  - {Live}\n")));
        var f = Assert.Single(findings, f => f.RuleId == "CG0014");
        Assert.Contains("literal has no '='", f.Message);
        NoPieceOf(Live, string.Join("\n", findings.Select(x => x.Message + x.RedactedValue)));
    }

    [Fact]
    public void A_remote_resource_note_masks_the_token_in_its_url()
    {
        var token = "Tk9Lm8Nb7Vc6Xz5Qa1Ws2";
        var engine = new AnalysisEngine(RulePack.Default);
        var result = engine.Analyze(new List<SourceFile>
        {
            new("deploy/overlays/staging/kustomization.yaml",
                Kust($"resources:\n- https://ci:{token}@git.acme.example/ops/base.git//deploy?ref=v1\n- https://git.acme.example/ops/more?ref=v2&access_token={token}\n")),
        });
        var all = string.Join("\n", result.Notices.Select(n => n.Message)) + string.Join("\n", result.Findings.Select(f => f.Message));
        Assert.Contains("https://ci:****@git.acme.example/ops/base.git//deploy?ref=v1", all);
        Assert.Contains("access_token=****", all);
        NoPieceOf(token, all);
    }

    [Fact]
    public void An_env_file_line_without_equals_that_is_not_a_name_is_an_error_not_a_key()
    {
        var token = "Zx9Qw8Er7Ty6Ui5Op4Lk";
        var engine = new AnalysisEngine(RulePack.Default);
        var result = engine.Analyze(new List<SourceFile>
        {
            new("k/overlays/staging/kustomization.yaml", Kust("configMapGenerator:\n- name: app\n  envs: [app.env]\n")),
            new("k/overlays/staging/app.env", $"GOOD=1\nAPI_TOKEN: {token}\nBARE_NAME\n"),
        });
        var f = Assert.Single(result.Findings, f => f.RuleId == "CG0014");
        Assert.Equal(2, f.Span.StartLine);
        Assert.DoesNotContain(token, f.Message);
        var keys = result.Views.SelectMany(v => v.Entries).Select(e => e.Key).ToList();
        Assert.Contains("BARE_NAME", keys);
        Assert.DoesNotContain(keys, k => k.Contains(token));
    }

    [Theory]
    [InlineData("{0}: 1\n")]
    [InlineData("secrets:\n  {0}: [A]\n")]
    [InlineData("rules:\n  CG0001: {0}\n")]
    [InlineData("rules:\n  {0}: error\n")]
    [InlineData("environments:\n  {0}: [\"a/**\"]\n")]
    public void Configguard_yaml_errors_do_not_echo_a_secret(string template)
    {
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse(string.Format(template, Live), RulePack.Default));
        NoPieceOf(Live, e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Configguard_yaml_errors_still_name_a_plain_typo()
    {
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse("enviroments:\n  staging: [a]\n", RulePack.Default));
        Assert.Contains("'enviroments'", e.Message);
    }

    [Theory]
    [InlineData(".env.staging", "A=\"x\"{0}\n")]
    [InlineData("appsettings.Staging.json", "{{ \"{0}\": 1, \"{0}\": 2 }}")]
    [InlineData("k/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  {0}: a\n  {0}: b\n")]
    public void Parser_errors_do_not_echo_a_secret_key_or_text(string path, string template)
    {
        var findings = Scan.Files((path, string.Format(template, Live)));
        Assert.Contains(findings, f => f.RuleId == "CG0012");
        NoPieceOf(Live, string.Join("\n", findings.Where(f => f.RuleId == "CG0012").Select(f => f.Message)));
    }

    [Fact]
    public void A_secret_in_a_key_named_place_is_described_by_its_shape()
    {
        Assert.Equal("'ConnectionStrings:Default'", SafeEcho.Quote("ConnectionStrings:Default"));
        Assert.Equal($"(a {Live.Length}-character value, not shown)", SafeEcho.Quote(Live));
        Assert.StartsWith("(a ", SafeEcho.Quote("line\nwith a break"));
        Assert.StartsWith("(a ", SafeEcho.Quote("aGVsbG8gd29ybGQgdGhpcyBpcyBzZWNyZXQ"));
    }
}
