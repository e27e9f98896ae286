using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>Where a generator value comes from: a finding in a `files:` or `envs:` file is at the value's own line, and comments are not values.</summary>
public class GeneratorFileValuesTests
{
    private static readonly Dictionary<string, string> Tree = new()
    {
        ["overlays/staging/kustomization.yaml"] =
            "configMapGenerator:\n- name: bakery-config\n  files:\n  - application.properties\n  - limits.yaml\n  envs:\n  - tills.env\n" +
            "  literals:\n  - APP_ENV=staging\n",
        ["overlays/staging/application.properties"] =
            "# For production this reads jdbc:postgresql://orders-db.prod.bakery-corp.example:5432/orders\n" +
            "spring.datasource.url=jdbc:postgresql://orders-db.staging.bakery-corp.example:5432/orders\n" +
            "! old endpoint was https://payments.prod.bakery-corp.example/v1\n" +
            "\n" +
            // Must flag: a real production endpoint, on line 5.
            "payments.endpoint = https://payments.prod.bakery-corp.example/v2\n",
        ["overlays/staging/limits.yaml"] =
            "# prod: https://quota.prod.bakery-corp.example\nquota:\n  service: https://quota.staging.bakery-corp.example\n" +
            // Must flag: line 4.
            "  audit: https://audit.prod.bakery-corp.example\n",
        ["overlays/staging/tills.env"] =
            "# TILL_API=https://tills.prod.bakery-corp.example\nTILL_API=https://tills.staging.bakery-corp.example\n" +
            // Must flag: line 3.
            "TILL_REPORTS=https://reports.prod.bakery-corp.example\n",
    };

    private static List<string> Cg0002()
    {
        var sources = Tree.Where(f => f.Key.EndsWith("kustomization.yaml", StringComparison.Ordinal)).Select(f => new SourceFile(f.Key, f.Value)).ToList();
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => Tree.TryGetValue(p, out var t) ? t : null);
        return result.Findings.Where(f => f.RuleId == "CG0002").Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}").OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void A_finding_in_a_generator_file_is_at_the_values_line_and_comments_are_not_values()
    {
        Assert.Equal(new[]
        {
            "overlays/staging/application.properties:5:29",
            "overlays/staging/limits.yaml:4:18",
            "overlays/staging/tills.env:3:22",
        }, Cg0002());
    }

    [Fact]
    public void The_configmap_still_holds_the_whole_file_as_kustomize_stores_it()
    {
        var build = KustomizeModel.Build(Tree, "overlays/staging/kustomization.yaml");
        var data = build.Resources.Single().DataEntries().ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(Tree["overlays/staging/application.properties"], data["application.properties"]);
        Assert.Equal(new[] { "APP_ENV", "TILL_API", "TILL_REPORTS", "application.properties", "limits.yaml" }, data.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a.properties", "# c\nkey=v\n; c\n// c\n-- c\n[section]\nexport B = \"q\"\nurl: https://x.example\nplain line\n", new[] { "key=v", "B=q", "url=https://x.example", "f=plain line" })]
    [InlineData("a.json", "{ \"Db\": { \"Host\": \"h.example\" }, \"Port\": 5 }", new[] { "Db:Host=h.example", "Port=5" })]
    [InlineData("a.yml", "# c\ndb:\n  hosts: [one.example, two.example]\n", new[] { "db.hosts.0=one.example", "db.hosts.1=two.example" })]
    public void Values_are_read_by_the_files_format(string name, string text, string[] expected)
    {
        var values = GeneratorFileValues.Read("cfg/" + name, text, "f").Select(e => e.Key + "=" + e.Value).ToArray();
        Assert.Equal(expected, values);
    }

    [Fact]
    public void A_pem_file_stays_one_value()
    {
        var pem = "-----BEGIN CERTIFICATE-----\nMIIBbakery\n-----END CERTIFICATE-----\n";
        var e = Assert.Single(GeneratorFileValues.Read("tls/ca.pem", pem, "ca.pem"));
        Assert.Equal(pem, e.Value);
    }

    [Theory]
    [InlineData("log-shipper.conf", "# ship the kiln logs\n<source>\n  @type tail\n  path /var/log/kiln/*.log\n</source>\n<match kiln.**>\n  @type stdout\n</match>\n")]
    [InlineData("closed.html", "<!DOCTYPE html>\n<html>\n<body>\n  <p>The bakery is closed for <b>maintenance</b></p>\n</body>\n</html>\n")]
    [InlineData("vhost.conf", "<VirtualHost *:80>\n  ServerName bakery.example\n</VirtualHost>\n")]
    public void A_markup_file_is_one_value_so_its_tags_are_not_placeholders(string name, string text)
    {
        var e = Assert.Single(GeneratorFileValues.Read("cfg/" + name, text, name));
        Assert.Equal(text, e.Value);

        var tree = new Dictionary<string, string>
        {
            ["overlays/staging/kustomization.yaml"] = "configMapGenerator:\n- name: oven\n  files:\n  - " + name + "\n  literals:\n  - APP_ENV=staging\n",
            ["overlays/staging/" + name] = text,
        };
        var sources = new[] { new SourceFile("overlays/staging/kustomization.yaml", tree["overlays/staging/kustomization.yaml"]) };
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => tree.TryGetValue(p, out var t) ? t : null);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CG0008");
    }

    [Fact]
    public void A_placeholder_line_in_a_key_value_file_is_still_a_placeholder()
    {
        var tree = new Dictionary<string, string>
        {
            ["overlays/production/kustomization.yaml"] = "configMapGenerator:\n- name: oven\n  files:\n  - oven.properties\n  literals:\n  - APP_ENV=production\n",
            ["overlays/production/oven.properties"] = "# where the ovens report\noven.report.token=<your token here>\n",
        };
        var sources = new[] { new SourceFile("overlays/production/kustomization.yaml", tree["overlays/production/kustomization.yaml"]) };
        var result = new AnalysisEngine(RulePack.Default).Analyze(sources, p => tree.TryGetValue(p, out var t) ? t : null);
        Assert.Contains(result.Findings, f => f.RuleId == "CG0008" && f.Path == "overlays/production/oven.properties" && f.Span.StartLine == 2);
    }
}
