namespace ConfigGuard.Tests;

/// <summary>What a compiler front end (the IDE analyzer, `dotnet build` with the package) reports on samples/staging-leak.</summary>
public static class StagingLeakSample
{
    /// <summary>
    /// `configguard check samples/staging-leak` as `path(line,column): severity id`, less CG0009 (a committed
    /// .env.staging.local: git facts are not a compiler's to know). Ordered by path, then line and column.
    /// </summary>
    public static IReadOnlyList<string> ConfigFindings { get; } = new[]
    {
        ".env.production(2,7): warning CG0007",
        ".env.production(3,19): warning CG0006",
        ".env.staging(1,1): warning CG0003",
        ".env.staging(2,19): error CG0001",
        ".env.staging(3,14): warning CG0013",
        ".env.staging(3,42): error CG0002",
        ".env.staging(5,16): warning CG0010",
        ".env.staging(6,12): error CG0005",
        ".env.staging(7,16): error CG0005",
        ".env.staging(8,11): error CG0005",
        ".env.staging.local(2,19): warning CG0013",
        "appsettings.Production.json(5,21): warning CG0007",
        "appsettings.Production.json(6,43): warning CG0008",
        "appsettings.Staging.json(3,22): error CG0002",
        "appsettings.Staging.json(3,54): error CG0002",
        "appsettings.Staging.json(5,20): warning CG0010",
        "appsettings.json(7,31): error CG0001",
        "k8s/overlays/staging/kustomization.yaml(4,12): error CG0011",
        "k8s/overlays/staging/kustomization.yaml(9,13): error CG0011",
        "k8s/overlays/staging/kustomization.yaml(15,38): error CG0002",
        "k8s/overlays/staging/kustomization.yaml(19,27): error CG0001",
    };
}
