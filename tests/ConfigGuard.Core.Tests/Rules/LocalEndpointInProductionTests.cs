using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>Local endpoints reaching production (CG0006): developer-only hosts anywhere, loopback where a browser or another machine uses the value.</summary>
public class LocalEndpointInProductionTests
{
    [Theory]
    [InlineData("{ \"ConnectionStrings\": { \"Main\": \"Server=(localdb)\\\\MSSQLLocalDB;Database=Ledger;Trusted_Connection=True\" } }", "developer instance")]
    [InlineData("{ \"ConnectionStrings\": { \"Main\": \"Server=.\\\\SQLEXPRESS;Database=Ledger;Trusted_Connection=True\" } }", "developer instance")]
    [InlineData("{ \"ConnectionStrings\": { \"Main\": \"Data Source=WORKBOX-7\\\\SQLEXPRESS01;Initial Catalog=Ledger;Integrated Security=SSPI\" } }", "developer instance")]
    [InlineData("{ \"ConnectionStrings\": { \"Main\": \"Server=DESKTOP-4QX9Z2M;Database=Ledger;Trusted_Connection=True\" } }", "developer's machine")]
    [InlineData("{ \"Services\": { \"Catalog\": \"http://host.docker.internal:5100\" } }", "developer's machine")]
    [InlineData("{ \"Origin\": \"http://localhost:3000\" }", "loopback")]
    [InlineData("{ \"Cors\": { \"AllowedOrigins\": [ \"https://shop.acme.test\", \"http://localhost:4200\" ] } }", "loopback")]
    [InlineData("{ \"Auth\": { \"RedirectUri\": \"http://127.0.0.1:5005/signin-oidc\" } }", "loopback")]
    public void A_developer_endpoint_in_appsettings_Production_is_CG0006(string json, string why)
    {
        var f = Assert.Single(Scan.Rule("CG0006", ("appsettings.Production.json", json)));
        Assert.Contains(why, f.Message);
    }

    [Theory]
    [InlineData("VITE_API_URL=http://localhost:8080/api\n")]
    [InlineData("NEXT_PUBLIC_SITE_URL=http://127.0.0.1:3000\n")]
    [InlineData("APP_URL=http://localhost\n")]
    [InlineData("CORS_ALLOWED_ORIGINS=https://acme.test,http://localhost:3000\n")]
    [InlineData("OAUTH_CALLBACK_URL=http://localhost:4000/auth/callback\n")]
    [InlineData("DATABASE_URL=postgres://ledger:pw@host.docker.internal:5432/ledger\n")]
    public void A_developer_endpoint_in_env_production_is_CG0006(string line)
    {
        Assert.Single(Scan.Rule("CG0006", (".env.production", line)));
    }

    [Theory]
    [InlineData("DB_HOST=127.0.0.1\n")]                                   // MySQL beside the app on one server
    [InlineData("REDIS_URL=redis://localhost:6379/0\n")]
    [InlineData("DATABASE_URL=postgres://app:pw@127.0.0.1:5432/app\n")]   // a Cloud SQL proxy in the pod
    [InlineData("HOST=0.0.0.0\nPORT=8080\n")]                             // listen address
    [InlineData("ASPNETCORE_URLS=http://+:80\n")]
    [InlineData("LISTEN_ADDR=127.0.0.1:9000\n")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317\n")]   // collector sidecar
    [InlineData("DAPR_HTTP_ENDPOINT=http://localhost:3500\n")]
    [InlineData("STATSD_HOST=localhost\n")]
    [InlineData("PUBLIC_URL=/static\n")]
    [InlineData("CORS_ALLOWED_ORIGINS=https://acme.test,https://admin.acme.test\n")]
    [InlineData("DB_HOST=postgres-primary\n")]                            // in-cluster name
    [InlineData("API_URL=http://orders-api.shop.svc.cluster.local\n")]
    public void Local_by_design_endpoints_are_not_CG0006(string line)
    {
        Assert.Empty(Scan.Rule("CG0006", (".env.production", line)));
    }

    [Theory]
    [InlineData(".env.staging")]
    [InlineData(".env.development")]
    [InlineData("appsettings.Development.json")]
    public void Local_endpoints_are_fine_outside_production(string file)
    {
        var text = file.EndsWith(".json")
            ? "{ \"ConnectionStrings\": { \"Main\": \"Server=(localdb)\\\\MSSQLLocalDB;Database=Ledger\" }, \"Origin\": \"http://localhost:3000\" }"
            : "VITE_API_URL=http://localhost:8080\nDATABASE_URL=postgres://a:b@host.docker.internal/x\n";
        Assert.Empty(Scan.Rule("CG0006", (file, text)));
    }

    [Fact]
    public void A_local_endpoint_in_appsettings_json_reaches_production_when_production_does_not_override_it()
    {
        const string Base = "{ \"ConnectionStrings\": { \"Main\": \"Server=(localdb)\\\\MSSQLLocalDB;Database=Ledger\" }, \"Cors\": { \"Origins\": [ \"http://localhost:3000\" ] } }";
        var found = Scan.Rule("CG0006", ("appsettings.json", Base), ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }"));
        Assert.Equal(2, found.Count);
        Assert.All(found, f => Assert.Contains("appsettings.json, which reaches Production", f.Message));

        // Overridden by production: nothing reaches it.
        Assert.Empty(Scan.Rule("CG0006", ("appsettings.json", Base),
            ("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Main\": \"Server=sql.acme.test;Database=Ledger\" }, \"Cors\": { \"Origins\": [ \"https://acme.test\" ] } }")));
        // No Production file: the base is not taken for production here.
        Assert.Empty(Scan.Rule("CG0006", ("appsettings.json", Base)));
    }

    [Fact]
    public void A_loopback_url_in_a_dotenv_base_is_left_to_the_build_that_may_replace_it()
    {
        // Build scripts often copy .env.production over .env; only developer-only hosts count through a .env base.
        Assert.Empty(Scan.Rule("CG0006", (".env", "VITE_REDIRECT_URI=http://localhost:3000/cb\n"), (".env.production", "VITE_API_URL=https://api.acme.test\n")));
        Assert.Single(Scan.Rule("CG0006", (".env", "DATABASE_URL=postgres://a:b@host.docker.internal/x\n"), (".env.production", "VITE_API_URL=https://api.acme.test\n")));
    }
}
