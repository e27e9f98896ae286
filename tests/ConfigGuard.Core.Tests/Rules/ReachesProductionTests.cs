using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>A value in a base file that production inherits says it reaches production.</summary>
public class ReachesProductionTests
{
    [Fact]
    public void A_placeholder_in_appsettings_json_that_production_does_not_override_is_CG0008_and_says_it_reaches_Production()
    {
        var f = Assert.Single(Scan.Rule("CG0008",
            ("appsettings.json", "{ \"Jwt\": { \"Issuer\": \"https://yourdomain.com\" } }"),
            ("appsettings.Staging.json", "{ \"Jwt\": { \"Issuer\": \"https://stg.acme.test\" } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        Assert.Equal("appsettings.json", f.Path);
        Assert.Contains("appsettings.json, which reaches Production", f.Message);
    }

    [Fact]
    public void Base_placeholders_that_production_overrides_or_secrets_a_store_supplies_are_not_CG0008()
    {
        Assert.Empty(Scan.Rule("CG0008",
            ("appsettings.json", "{ \"Jwt\": { \"Issuer\": \"https://yourdomain.com\" } }"),
            ("appsettings.Production.json", "{ \"Jwt\": { \"Issuer\": \"https://acme.test\" } }")));
        // "SECRET" under a key that holds a secret: the secret store or an environment variable fills it.
        Assert.Empty(Scan.Rule("CG0008",
            ("appsettings.json", "{ \"Mail\": { \"ApiKey\": \"SECRET\", \"Password\": \"changeme\" } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        // A <...> marker in a base says where the value comes from (Key Vault, the pipeline).
        Assert.Empty(Scan.Rule("CG0008",
            ("appsettings.json", "{ \"Scanner\": { \"BaseUrl\": \"<scanner api base url>\" } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        // A .env base documents what each deployment supplies.
        Assert.Empty(Scan.Rule("CG0008", (".env", "SITE_URL=https://yourdomain.com\n"), (".env.production", "APP_ENV=production\n")));
        // No Production file: nothing explicit to reach.
        Assert.Empty(Scan.Rule("CG0008", ("appsettings.json", "{ \"Jwt\": { \"Issuer\": \"https://yourdomain.com\" } }")));
    }

    [Fact]
    public void A_weak_secret_in_the_base_names_production_first()
    {
        var f = Assert.Single(Scan.Rule("CG0010",
            ("appsettings.json", "{ \"Jwt\": { \"Key\": \"this is my jwt key\" } }"),
            ("appsettings.Staging.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        Assert.Equal("Production", f.Environment);
        Assert.Contains("reaches Production and Staging", f.Message);
    }
}
