using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>End to end: the CLI finds kustomizations, reads what they reference, and never follows remote or outside paths.</summary>
public class KustomizeCliTests
{
    [Fact]
    public void Staging_overlay_findings_point_at_the_overlay_and_the_inherited_base_line()
    {
        using var tmp = new TempDir();
        tmp.Write("k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: cfg\n    envs:\n      - app.env\n");
        tmp.Write("k8s/base/app.env", "APP_NAME=shop\nDATABASE_URL=postgres://db.prod.internal:5432/shop\n");
        tmp.Write("k8s/base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          env:\n            - name: APP_ENV\n              value: staging\n");
        tmp.Write("k8s/overlays/staging/kustomization.yaml", "resources:\n  - ../../base\n  - https://github.com/acme/shared//k8s?ref=v1\n  - ../../../../outside\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("k8s/base/app.env:2:25: error CG0002:", StringComparison.Ordinal) && l.Contains("staging (through kustomization.yaml)"));
        Assert.Matches(@"k8s/overlays/staging/kustomization\.yaml:3:\d+: note: remote resource", r.Stdout + r.Stderr);
        Assert.Contains("leaves the repository; not followed", r.Stdout + r.Stderr);
    }

    [Fact]
    public void Missing_resource_is_CG0014_and_invalid_yaml_CG0012_with_a_location_and_the_scan_goes_on()
    {
        using var tmp = new TempDir();
        tmp.Write("overlays/staging/kustomization.yaml", "resources:\n  - missing.yaml\nconfigMapGenerator:\n  - name: c\n    literals: [APP_ENV=staging]\n");
        tmp.Write("overlays/production/kustomization.yaml", "resources: [\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("overlays/staging/kustomization.yaml:2:5: error CG0014: resource 'missing.yaml' not found", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.StartsWith("overlays/production/kustomization.yaml:", StringComparison.Ordinal) && l.Contains("CG0012: invalid YAML"));
    }
}
