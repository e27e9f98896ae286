using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>A host under .invalid (RFC 6761) never resolves: a stand-in each environment replaces, not a shared machine.</summary>
public class ReservedStandInHostTests
{
    [Fact]
    public void The_same_invalid_host_in_staging_and_production_is_not_a_shared_resource() =>
        Assert.Empty(Scan.Rule("CG0005",
            (".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://desk@loans-db.example.invalid:5432/loans\n"),
            (".env.production", "APP_ENV=production\nDATABASE_URL=postgres://desk@loans-db.example.invalid:5432/loans\n")));

    [Fact]
    public void The_same_real_host_still_is() =>
        Assert.Single(Scan.Rule("CG0005",
            (".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://desk@loans-db.lending.example.net:5432/loans\n"),
            (".env.production", "APP_ENV=production\nDATABASE_URL=postgres://desk@loans-db.lending.example.net:5432/loans\n")));
}
