using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>Shared identities (CG0005, resource class identity): one OAuth client, encryption key, project, workspace or account in staging and production.</summary>
public class SharedIdentityTests
{
    [Theory]
    [InlineData("FIREBASE_PROJECT_ID=ledger-a91c3", "project id 'ledger-a91c3'")]
    [InlineData("GOOGLE_OAUTH_CLIENT_ID=90311-abcd.apps.googleusercontent.com", "OAuth client id")]
    [InlineData("AUTH0_TENANT_ID=ledger-eu-42", "tenant id")]
    [InlineData("REPORTS_WORKSPACE_ID=2b1e4c7a-9d10-4f3e-8a55-0c6f1e2d3b4a", "workspace id")]
    [InlineData("OAUTH_CLIENT_SECRET=Zq8vR2mT6yW1pL4nK7sX0cB3", "the same secret value")]
    [InlineData("FIELD_ENCRYPTION_KEY=Hf7Kq2Lp9Xz4Rt6Vb1Nm8Wc3", "the same secret value")]
    [InlineData("MAILBOX_PASS=Gx4kT9qLm2Zp", "the same secret value")]
    public void The_same_identity_in_staging_and_production_is_CG0005(string line, string says)
    {
        var f = Assert.Single(Scan.Rule("CG0005", (".env.staging", line + "\n"), (".env.production", line + "\n")));
        Assert.Equal(".env.staging", f.Path);
        Assert.Contains(says, f.Message);
    }

    [Fact]
    public void AppSettings_sections_spelled_in_CamelCase_are_compared()
    {
        const string Json = "{ \"PowerBI\": { \"WorkspaceId\": \"7c0d2e11-51aa-4b6e-9f3c-2d8e4a6b1c90\" }, \"Okta\": { \"ClientId\": \"0oa5ledger9x3\" } }";
        var found = Scan.Rule("CG0005", ("appsettings.Staging.json", Json), ("appsettings.Production.json", Json));
        Assert.Equal(2, found.Count);
    }

    [Theory]
    [InlineData("AZURE_TENANT_ID=4f2a6c1e-0b3d-4e5f-9a8b-7c6d5e4f3a2b")]   // one organisation's directory
    [InlineData("TENANT_ID=4f2a6c1e-0b3d-4e5f-9a8b-7c6d5e4f3a2b")]
    [InlineData("KAFKA_CLIENT_ID=orders-service-1")]                       // a connection label
    [InlineData("LOG_ANALYTICS_WORKSPACE_ID=5a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d")]
    [InlineData("CLIENT_ID=ledger-api")]                                   // a name without a digit: unique per realm
    [InlineData("CLIENT_ID=SECRET")]
    [InlineData("DEMO_LOGIN_PASSWORD=Tr1al-Acc0unt-42")]                     // a public demo login, published on purpose
    [InlineData("RESET_PASSWORD_TEMPLATE=d-8f3a2b1c4e5d")]
    [InlineData("REPORTS_PASSWORD=postgres")]                              // a local stack's default, not one account
    [InlineData("PROJECT_ID=${GCP_PROJECT}")]
    public void Global_ids_names_and_defaults_are_not_CG0005(string line)
    {
        Assert.Empty(Scan.Rule("CG0005", (".env.staging", line + "\n"), (".env.production", line + "\n")));
    }

    [Fact]
    public void Azure_AD_tenant_shared_but_app_registration_separate_is_fine()
    {
        const string Staging = "{ \"AzureAd\": { \"TenantId\": \"4f2a6c1e-0b3d-4e5f-9a8b-7c6d5e4f3a2b\", \"ClientId\": \"11111111-2222-3333-4444-555555555555\" } }";
        const string Production = "{ \"AzureAd\": { \"TenantId\": \"4f2a6c1e-0b3d-4e5f-9a8b-7c6d5e4f3a2b\", \"ClientId\": \"66666666-7777-8888-9999-000000000000\" } }";
        Assert.Empty(Scan.Rule("CG0005", ("appsettings.Staging.json", Staging), ("appsettings.Production.json", Production)));
    }

    [Fact]
    public void Different_ids_are_not_shared_and_an_implicit_production_is_not_compared()
    {
        Assert.Empty(Scan.Rule("CG0005", (".env.staging", "FIREBASE_PROJECT_ID=ledger-stg-1\n"), (".env.production", "FIREBASE_PROJECT_ID=ledger-prd-1\n")));
        const string Json = "{ \"Google\": { \"ClientId\": \"90311-abcd.apps.googleusercontent.com\" } }";
        Assert.Empty(Scan.Rule("CG0005", ("appsettings.json", Json), ("appsettings.Staging.json", Json)));
    }
}
