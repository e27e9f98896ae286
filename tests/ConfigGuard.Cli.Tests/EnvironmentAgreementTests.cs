using System.Text.Json;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// `envs`, `check` and `checklist` name one environment for every file, on a multi-region tree (envs/staging-eu,
/// envs/prod-eu, envs/prod-asia) with kustomize overlays, region .env files and team-named appsettings.
/// </summary>
public class EnvironmentAgreementTests
{
    private static TempDir MultiRegionTree()
    {
        var tmp = new TempDir();
        tmp.Write("ops/base/kustomization.yaml", "resources:\n  - api.yaml\nconfigMapGenerator:\n  - name: api-settings\n    literals:\n      - PAGE_SIZE=25\n");
        tmp.Write("ops/base/api.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n" +
            "          image: registry.example.org/orders-api:2.3.1\n          envFrom:\n            - configMapRef:\n                name: api-settings\n");
        foreach (var (region, env, db) in new[]
        {
            ("staging-eu", "staging", "orders-db.eu-one.example.net"),
            ("prod-eu", "production", "orders-db.eu-one.example.net"),
            ("prod-asia", "production", "orders-db.asia-one.example.net"),
        })
        {
            tmp.Write($"ops/envs/{region}/kustomization.yaml",
                "resources:\n  - ../../base\nconfigMapGenerator:\n  - name: api-settings\n    behavior: merge\n    literals:\n" +
                $"      - APP_ENV={env}\n      - DATABASE_URL=postgres://orders@{db}:5432/orders\n");
            tmp.Write($"svc/envs/{region}/.env", $"APP_ENV={env}\nCACHE_URL=redis://cache.{region}.example.net:6379/0\n");
        }
        tmp.Write("web/appsettings.json", "{\"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}}}");
        tmp.Write("web/appsettings.DeployedQA.json", "{\"Reports\": {\"Url\": \"https://reports-qa.example.org\"}}");
        tmp.Write("web/appsettings.DeployedProd.json", "{\"Reports\": {\"Url\": \"https://reports.example.org\"}}");
        return tmp;
    }

    /// <summary>`configguard envs` as path -> class (the first word of the ENVIRONMENT column).</summary>
    private static Dictionary<string, string> Envs(string dir)
    {
        var r = Cli.Run(dir, "envs");
        Assert.Equal(0, r.ExitCode);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in r.Lines.Skip(1))
        {
            var cols = Regex.Split(line.Trim(), @"\s{2,}");
            if (cols.Length < 3 || cols[0].Contains(' ')) continue;
            map[cols[0]] = cols[1].Split(' ')[0];
        }
        return map;
    }

    private static string[] ChecklistConfigs(string dir, string env)
    {
        var r = Cli.Run(dir, "checklist", ".", "--env", env, "--format", "json");
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("configs").EnumerateArray().Select(c => c.GetString()!).OrderBy(p => p, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Envs_check_and_checklist_agree_on_every_files_environment()
    {
        using var tmp = MultiRegionTree();
        var envs = Envs(tmp.Path);
        Assert.Equal("staging", envs["ops/envs/staging-eu/kustomization.yaml"]);
        Assert.Equal("production", envs["ops/envs/prod-asia/kustomization.yaml"]);
        Assert.Equal("staging", envs["svc/envs/staging-eu/.env"]);
        Assert.Equal("production", envs["svc/envs/prod-eu/.env"]);
        Assert.Equal("staging", envs["web/appsettings.DeployedQA.json"]);
        Assert.Equal("production", envs["web/appsettings.DeployedProd.json"]);
        Assert.Equal("base", envs["ops/base/kustomization.yaml"]);

        // checklist: the configs it checks are exactly the files envs calls staging (production).
        foreach (var env in new[] { "staging", "production" })
        {
            var expected = envs.Where(e => e.Value == env).Select(e => e.Key).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, ChecklistConfigs(tmp.Path, env));
        }

        // check: every finding in a file of one environment names that environment's class.
        var check = Cli.Run(tmp.Path, "check", ".", "--format", "json");
        using var doc = JsonDocument.Parse(check.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var names = RulePack.Default.Environments;
        foreach (var f in findings)
        {
            var path = f.GetProperty("path").GetString()!;
            if (!envs.TryGetValue(path, out var cls) || cls is "base" or "unknown") continue;
            Assert.Equal(cls, names.ClassifyName(f.GetProperty("environment").GetString()!).ToName());
        }
    }

    [Fact]
    public void Staging_eu_is_compared_with_prod_eu_not_prod_asia()
    {
        using var tmp = MultiRegionTree();
        var check = Cli.Run(tmp.Path, "check", ".", "--format", "json");
        using var doc = JsonDocument.Parse(check.Stdout);
        var shared = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() is "CG0002" or "CG0005").ToList();
        var f = Assert.Single(shared);
        Assert.Equal("ops/envs/staging-eu/kustomization.yaml", f.GetProperty("path").GetString());
        Assert.Contains("ops/envs/prod-eu/kustomization.yaml", f.GetProperty("message").GetString());
        Assert.DoesNotContain("prod-asia", check.Stdout);
    }

    [Fact]
    public void Envs_lists_unknown_names_with_a_hint_to_map_them()
    {
        using var tmp = new TempDir();
        tmp.Write(".env.rehearsal", "APP_ENV=rehearsal\n");
        tmp.Write("deploy/overlays/blue/kustomization.yaml", "configMapGenerator:\n  - name: s\n    literals:\n      - A=1\n");
        var r = Cli.Run(tmp.Path, "envs");
        Assert.Contains("unknown environment names: blue (deploy/overlays/blue/kustomization.yaml), rehearsal (.env.rehearsal)", r.Stdout);
        Assert.Contains("      staging: [blue, rehearsal]", r.Stdout);
        tmp.Write("configguard.yaml", "names:\n  staging: [rehearsal]\n  production: [blue]\n");
        var mapped = Cli.Run(tmp.Path, "envs");
        Assert.DoesNotContain("unknown environment names", mapped.Stdout);
        Assert.Contains("staging (rehearsal)", mapped.Stdout);
    }
}
