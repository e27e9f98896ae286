using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>"One mistake, one finding": CG0002 and CG0005 on one line are one finding; a base line is reported once.</summary>
public class OneMistakeOneFindingTests
{
    [Fact]
    public void A_base_bucket_named_production_that_staging_inherits_is_one_CG0002_with_CG0005s_facts()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{ \"Storage\": { \"BucketName\": \"harbor-prod-uploads\" } }"),
            ("appsettings.Staging.json", "{ \"ApiBase\": \"https://api.staging.harbor.example.org\" }"),
            ("appsettings.Production.json", "{ \"ApiBase\": \"https://api.harbor.example.org\" }"));
        var f = Assert.Single(findings, x => x.RuleId is "CG0002" or "CG0005");
        Assert.Equal("CG0002", f.RuleId);
        Assert.Contains("also CG0005", f.Message);
    }

    [Fact]
    public void A_staging_database_equal_to_productions_is_one_CG0005_with_CG0002s_facts()
    {
        const string conn = "Host=db-7.eu.cloudsql.example.net;Database=harbor;Username=app";
        var findings = Scan.Files(
            ("appsettings.Staging.json", "{ \"ConnectionStrings\": { \"Main\": \"" + conn + "\" }, \"ApiBase\": \"https://api.staging.harbor.example.net\" }"),
            ("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Main\": \"" + conn + "\" }, \"ApiBase\": \"https://api.harbor.example.net\" }"));
        var f = Assert.Single(findings, x => x.RuleId is "CG0002" or "CG0005");
        Assert.Equal("CG0005", f.RuleId);
        Assert.Contains("also CG0002", f.Message);
        Assert.Contains(f.Related, r => r.Path == "appsettings.Production.json");
    }

    [Fact]
    public void Distinct_lines_are_still_reported_each()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{\n  \"Storage\": { \"BucketName\": \"harbor-prod-uploads\" },\n  \"Archive\": { \"BucketName\": \"harbor-prod-archive\" }\n}"),
            ("appsettings.Staging.json", "{ \"ApiBase\": \"https://api.staging.harbor.example.org\" }"),
            ("appsettings.Production.json", "{ \"ApiBase\": \"https://api.harbor.example.org\" }"));
        var lines = findings.Where(x => x.RuleId is "CG0002" or "CG0005").Select(x => x.Span.StartLine).ToList();
        Assert.Equal(new[] { 2, 3 }, lines);
    }

    [Fact]
    public void A_base_line_inherited_by_many_environments_is_reported_once()
    {
        var findings = Scan.Files(
            ("appsettings.json", "{ \"Storage\": { \"BucketName\": \"harbor-prod-uploads\" } }"),
            ("appsettings.Staging.json", "{ \"ApiBase\": \"https://api.staging.harbor.example.org\" }"),
            ("appsettings.QA.json", "{ \"ApiBase\": \"https://api.qa.harbor.example.org\" }"),
            ("appsettings.Uat.json", "{ \"ApiBase\": \"https://api.uat.harbor.example.org\" }"),
            ("appsettings.Production.json", "{ \"ApiBase\": \"https://api.harbor.example.org\" }"));
        Assert.Single(findings, x => x.RuleId is "CG0002" or "CG0005");
    }

    [Fact]
    public void A_kustomize_base_value_both_overlays_build_is_reported_once_at_the_base_line()
    {
        var findings = Scan.Files(
            ("k8s/base/kustomization.yaml", "resources:\n  - config.yaml\n"),
            ("k8s/base/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  ARCHIVE_BUCKET: harbor-shared-archive\n"),
            ("k8s/overlays/staging/kustomization.yaml", "resources:\n  - ../../base\nnamespace: harbor-staging\n"),
            ("k8s/overlays/production/kustomization.yaml", "resources:\n  - ../../base\nnamespace: harbor-production\n"));
        var f = Assert.Single(findings, x => x.RuleId is "CG0002" or "CG0005");
        Assert.Equal("k8s/base/config.yaml", f.Path);
    }
}
