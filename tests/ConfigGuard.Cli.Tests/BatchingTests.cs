using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>`check` analyzes large trees in batches of whole subtrees; the findings must be exactly those of one big batch.</summary>
public class BatchingTests
{
    private static ProcessResult Check(string dir, int batchFiles, params string[] args) => Check(dir, batchFiles, batchFiles, args);

    private static ProcessResult Check(string dir, int batchFiles, int packFiles, params string[] args) =>
        Cli.RunWithEnvironment(dir, new Dictionary<string, string> { ["CONFIGGUARD_BATCH_FILES"] = batchFiles.ToString(), ["CONFIGGUARD_PACK_FILES"] = packFiles.ToString() },
            new[] { "check", "--format", "json" }.Concat(args).ToArray());

    [Fact]
    public void Small_batches_report_exactly_what_one_batch_reports()
    {
        using var tmp = new TempDir();
        for (int s = 0; s < 40; s++)
        {
            var d = $"services/svc{s:D2}";
            bool leak = s % 7 == 3;
            tmp.Write($"{d}/.env", "LOG_FORMAT=json\n");
            tmp.Write($"{d}/.env.staging", $"APP_ENV=staging\nDATABASE_URL=postgres://app@{(leak ? "prod" : "stg")}-db.internal:5432/svc{s}\nSTRIPE_KEY={(leak ? Fake.StripeLive : Fake.StripeTest)}\n");
            tmp.Write($"{d}/.env.production", $"APP_ENV=production\nDATABASE_URL=postgres://app@prod-db.internal:5432/svc{s}\nDEBUG={(s % 5 == 0 ? "true" : "false")}\n");
            tmp.Write($"{d}/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");
            tmp.Write($"{d}/k8s/base/kustomization.yaml", "configMapGenerator:\n  - name: app\n    literals:\n      - LOG_FORMAT=json\n");
            tmp.Write($"{d}/k8s/overlays/staging/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: svc{s}-{(leak ? "production" : "staging")}\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals:\n      - APP_ENV=staging\n");
            tmp.Write($"{d}/k8s/overlays/production/kustomization.yaml", $"resources:\n  - ../../base\nnamespace: svc{s}-production\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals:\n      - APP_ENV=production\n");
        }
        var whole = Check(tmp.Path, 100_000);
        var batched = Check(tmp.Path, 16);
        // Each service (7 files) is larger than a batch's pack size of 3: it stays whole, a batch of its own.
        var packed = Check(tmp.Path, 16, 3);
        Assert.Equal(1, whole.ExitCode);
        Assert.Contains("\"CG0011\"", whole.Stdout);
        Assert.Contains("\"CG0001\"", whole.Stdout);
        Assert.Equal(whole.Stdout, batched.Stdout);
        Assert.Equal(whole.Stdout, packed.Stdout);
    }

    [Fact]
    public void Samples_in_tiny_batches_match_the_unbatched_scan()
    {
        Assert.Equal(Check(RepoPaths.Root, 100_000, "samples").Stdout, Check(RepoPaths.Root, 20, "samples").Stdout);
    }
}
