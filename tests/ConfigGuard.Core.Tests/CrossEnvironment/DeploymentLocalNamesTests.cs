using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>
/// Names each deployment resolves to its own thing: in-cluster and compose service names (no dot), a database name
/// without its host, a bucket inside each environment's own server. Same text in staging and production, two
/// resources. The resource identity is (kind, host, port, name).
/// </summary>
public class DeploymentLocalNamesTests
{
    private static List<Core.Model.Finding> SeparationFindings(string staging, string production) =>
        Scan.Files((".env.staging", "APP_ENV=staging\n" + staging), (".env.production", "APP_ENV=production\n" + production))
            .Where(f => f.RuleId is "CG0002" or "CG0005").ToList();

    private static List<string> Keys(IEnumerable<Core.Model.Finding> findings) => findings.Select(f => f.Key!).Distinct().ToList();

    [Fact]
    public void Service_names_without_a_dot_are_resolved_per_namespace()
    {
        const string both =
            "REDIS_HOST=redis\nDB_HOST=postgres-service\nDB_PORT=5432\nDB_NAME=orders\nINFLUX_URL=http://influxdb:8086\n" +
            "AMQP_URL=amqp://guest@rabbitmq:5672/\nDATABASE_URL=postgres://app@db:5432/orders\nMONGO_URL=mongodb://mongo-0,mongo-1/orders\n";
        Assert.Empty(SeparationFindings(both, both));
    }

    [Fact]
    public void The_same_qualified_host_is_still_shared()
    {
        const string both = "REDIS_HOST=redis\nCACHE_HOST=cache-7.tallow-retail.net\nDATABASE_URL=postgres://app@pg.tallow-retail.net:5432/orders\n";
        Assert.Equal(new[] { "CACHE_HOST", "DATABASE_URL" }, Keys(SeparationFindings(both, both)));
    }

    [Fact]
    public void A_database_name_on_two_different_hosts_is_two_databases()
    {
        Assert.Empty(SeparationFindings(
            "DB_HOST=pg-stg.tallow-retail.net\nDB_NAME=orders\nDB_DATABASE=orders\n",
            "DB_HOST=pg-main.tallow-retail.net\nDB_NAME=orders\nDB_DATABASE=orders\n"));
    }

    [Fact]
    public void A_database_name_on_the_same_host_is_one_database()
    {
        var findings = SeparationFindings("DB_HOST=pg-main.tallow-retail.net\nDB_NAME=orders\n", "DB_HOST=pg-main.tallow-retail.net\nDB_NAME=orders\n");
        Assert.Contains("DB_HOST", Keys(findings));
        Assert.DoesNotContain("DB_NAME", Keys(findings));
    }

    [Fact]
    public void A_bucket_inside_each_environments_own_server_is_its_own()
    {
        Assert.Empty(SeparationFindings(
            "INFLUXDB_URL=http://influxdb:8086\nINFLUXDB_BUCKET=telemetry\nMINIO_ENDPOINT=minio:9000\nMINIO_BUCKET=uploads\n",
            "INFLUXDB_URL=http://influxdb:8086\nINFLUXDB_BUCKET=telemetry\nMINIO_ENDPOINT=minio:9000\nMINIO_BUCKET=uploads\n"));
        Assert.Empty(SeparationFindings(
            "S3_ENDPOINT=https://objects.stg.tallow-retail.net\nS3_BUCKET=uploads\n",
            "S3_ENDPOINT=https://objects.tallow-retail.net\nS3_BUCKET=uploads\n"));
    }

    [Fact]
    public void A_bucket_on_one_remote_server_or_in_the_global_namespace_is_shared()
    {
        Assert.Contains("MINIO_BUCKET", Keys(SeparationFindings(
            "MINIO_ENDPOINT=objects.tallow-retail.net\nMINIO_BUCKET=uploads\n",
            "MINIO_ENDPOINT=objects.tallow-retail.net\nMINIO_BUCKET=uploads\n")));
        Assert.Equal(new[] { "AWS_STORAGE_BUCKET_NAME" }, Keys(SeparationFindings(
            "AWS_STORAGE_BUCKET_NAME=tallow-media\n", "AWS_STORAGE_BUCKET_NAME=tallow-media\n")));
    }

    [Fact]
    public void Kustomize_overlays_with_the_same_in_cluster_service_name_share_nothing()
    {
        var files = new (string, string)[]
        {
            ("k8s/base/kustomization.yaml", "resources: [deploy.yaml]\n"),
            ("k8s/base/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: tallow/api\n        env:\n        - {name: APP_ENV, value: base}\n"),
            ("k8s/overlays/staging/kustomization.yaml", "resources: [../../base]\nnamespace: staging\nconfigMapGenerator:\n- name: api-config\n  literals: [APP_ENV=staging, REDIS_HOST=redis, DATABASE_URL=postgres://app@postgres:5432/orders]\n"),
            ("k8s/overlays/production/kustomization.yaml", "resources: [../../base]\nnamespace: production\nconfigMapGenerator:\n- name: api-config\n  literals: [APP_ENV=production, REDIS_HOST=redis, DATABASE_URL=postgres://app@postgres:5432/orders]\n"),
        };
        Assert.DoesNotContain(Scan.Files(files), f => f.RuleId is "CG0002" or "CG0005");
    }
}
