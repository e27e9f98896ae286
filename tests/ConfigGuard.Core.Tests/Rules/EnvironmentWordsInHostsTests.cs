using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>Environment words joined into host, database and bucket names (issue: "eshopdev.database.windows.net" in production).</summary>
public class EnvironmentWordsInHostsTests
{
    [Theory]
    [InlineData("SQL=Server=tcp:ledgerdev.database.windows.net,1433;Database=ledger", "'dev' in 'ledgerdev'")]
    [InlineData("REPORTS_URL=https://webinvoicingtest.example.org/api", "'test' in 'webinvoicingtest'")]
    [InlineData("DB_NAME=ledger_localdev", "'dev' in 'localdev'")]
    [InlineData("API_URL=https://billingstaging.example.org", "'staging' in 'billingstaging'")]
    [InlineData("API_URL=https://api.eu-stg.example.org", "'stg'")]
    [InlineData("API_URL=https://api.deliverydev.example.org", "'dev' in 'deliverydev'")]
    public void A_non_production_word_inside_a_production_host_or_name_is_CG0006(string line, string says)
    {
        var f = Assert.Single(Scan.Rule("CG0006", (".env.production", line + "\n")));
        Assert.Contains(says, f.Message);
    }

    [Theory]
    [InlineData("DEVICES_URL=https://devices.example.org")]
    [InlineData("REVIEWS_URL=https://testimonials.example.org/feed")]
    [InlineData("CONTEST_URL=https://contest.example.org")]
    [InlineData("IMAGES_URL=https://cdn.example.org/latest")]
    [InlineData("QA_TRACKER_URL=https://acme.testrail.io")]
    [InlineData("CATALOG_URL=https://productcatalog.example.org")]
    [InlineData("STAGE_URL=https://backstage.example.org")]
    [InlineData("OPS_URL=https://devops.example.org")]
    public void Words_that_only_contain_an_environment_word_are_not_CG0006(string line)
    {
        Assert.Empty(Scan.Rule("CG0006", (".env.production", line + "\n")));
    }

    [Fact]
    public void A_production_word_joined_into_a_staging_host_is_CG0002_and_product_is_not()
    {
        Assert.Single(Scan.Rule("CG0002", (".env.staging", "DB_HOST=ledgerprod.database.windows.net\n")));
        Assert.Empty(Scan.Rule("CG0002", (".env.staging", "CATALOG_HOST=products.example.org\n")));
        Assert.Empty(Scan.Rule("CG0002", (".env.staging", "API_HOST=reproduce.example.org\n")));
        // preprod and nonprod are names of their own (staging), not pre + prod.
        Assert.Empty(Scan.Rule("CG0002", (".env.preprod", "APP_URL=https://preprod.example.org\nDB_DATABASE=preprod_ledger\n")));
        Assert.Empty(Scan.Rule("CG0002", (".env.staging", "API_HOST=api.nonproduction.example.org\n")));
    }
}
