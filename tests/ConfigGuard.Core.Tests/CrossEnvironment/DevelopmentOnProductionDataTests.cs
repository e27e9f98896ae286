using ConfigGuard.Core.Tests.Rules;
using Xunit;

namespace ConfigGuard.Core.Tests.CrossEnvironment;

/// <summary>CG0005 beyond staging: a development or test config on production's own database, Redis or bucket.</summary>
public class DevelopmentOnProductionDataTests
{
    private const string ProductionSql = "Server=tcp:ledger-sql.database.windows.net,1433;Database=ledger;User ID=app;Password=Kq7-vX2m-Lp9";

    [Theory]
    [InlineData("appsettings.Development.json")]
    [InlineData("appsettings.Test.json")]
    public void A_development_or_test_file_on_productions_database_is_CG0005(string file)
    {
        var json = "{ \"ConnectionStrings\": { \"Main\": \"" + ProductionSql + "\" } }";
        var f = Assert.Single(Scan.Rule("CG0005", (file, json), ("appsettings.Production.json", json)));
        Assert.Equal(file, f.Path);
        Assert.Contains("database 'ledger'", f.Message);
    }

    [Fact]
    public void Env_test_on_productions_redis_is_CG0005()
    {
        Assert.Single(Scan.Rule("CG0005",
            (".env.test", "REDIS_URL=redis://cache.ledger.example.net:6379/0\n"),
            (".env.production", "REDIS_URL=redis://cache.ledger.example.net:6379/0\n")));
    }

    [Fact]
    public void Shared_keys_services_and_base_values_are_left_alone_outside_staging()
    {
        // API keys and public services shared with development are not compared here (only data stores).
        Assert.Empty(Scan.Rule("CG0005", (".env.development", "MAPS_API_KEY=k9Qx2Lm7Vb4Np8Zt\nAPI_URL=https://api.ledger.example.net\n"),
            (".env.production", "MAPS_API_KEY=k9Qx2Lm7Vb4Np8Zt\nAPI_URL=https://api.ledger.example.net\n")));
        // Another database on the same server is not the same database.
        Assert.Empty(Scan.Rule("CG0005", ("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Main\": \"Server=tcp:ledger-sql.database.windows.net;Database=ledger_dev\" } }"),
            ("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Main\": \"Server=tcp:ledger-sql.database.windows.net;Database=ledger\" } }")));
        // A value both inherit from the base file is not development's own choice.
        Assert.Empty(Scan.Rule("CG0005", ("appsettings.json", "{ \"ConnectionStrings\": { \"Main\": \"" + ProductionSql + "\" } }"),
            ("appsettings.Development.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        // No Production file: appsettings.json is not taken for production here.
        Assert.Empty(Scan.Rule("CG0005", ("appsettings.json", "{ \"ConnectionStrings\": { \"Main\": \"" + ProductionSql + "\" } }"),
            ("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Main\": \"" + ProductionSql + "\" } }")));
        // localhost in both is two machines.
        Assert.Empty(Scan.Rule("CG0005", (".env.development", "DATABASE_URL=postgres://a:b@localhost:5432/ledger\n"),
            (".env.production", "DATABASE_URL=postgres://a:b@localhost:5432/ledger\n")));
    }
}
