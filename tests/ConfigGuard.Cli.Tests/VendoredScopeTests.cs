using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>vendor/, third_party/ and other vendored folders hold other people's config and fixtures: skipped by default, re-included by configguard.yaml.</summary>
public class VendoredScopeTests
{
    private static void Leak(TempDir tmp, string dir)
    {
        tmp.Write($"{dir}/.env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app@orders-prod.tallow-retail.net/orders\n");
        tmp.Write($"{dir}/.env.production", "APP_ENV=production\nDATABASE_URL=postgres://app@orders-prod.tallow-retail.net/orders\n");
    }

    [Fact]
    public void Vendored_folders_are_skipped_and_the_teams_own_config_is_not()
    {
        using var tmp = new TempDir();
        Leak(tmp, "vendor/github.com/acme/lib/testdata");
        Leak(tmp, "third_party/grpc/examples");
        Leak(tmp, "services/orders");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("services/orders/.env.staging", r.Stdout);
        Assert.DoesNotContain("vendor/", r.Stdout);
        Assert.DoesNotContain("third_party/", r.Stdout);
    }

    [Fact]
    public void Configguard_yaml_include_takes_a_vendored_path_back()
    {
        using var tmp = new TempDir();
        Leak(tmp, "third_party/ours/deploy");
        Leak(tmp, "third_party/theirs");
        tmp.Write("configguard.yaml", "include: [\"third_party/ours/**\"]\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Contains("third_party/ours/deploy/.env.staging", r.Stdout);
        Assert.DoesNotContain("third_party/theirs", r.Stdout);
    }
}
