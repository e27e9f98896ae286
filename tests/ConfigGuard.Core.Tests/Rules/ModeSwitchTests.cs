using Xunit;

namespace ConfigGuard.Core.Tests.Rules;

/// <summary>Provider mode and network switches (rules/endpoints.yaml modeSwitches): test mode in production is CG0006, live mode in staging is CG0002.</summary>
public class ModeSwitchTests
{
    [Theory]
    [InlineData(".env.production", "PAYPAL_MODE=sandbox\n", "PayPal")]
    [InlineData(".env.production", "CHECKOUT_PAYPAL_ENV=sandbox\n", "PayPal")]
    [InlineData(".env.production", "STRIPE_TEST_MODE=true\n", "Stripe")]
    [InlineData(".env.production", "PAYPAL_SANDBOX_MODE=true\n", "PayPal")]
    [InlineData(".env.production", "PLAID_ENV=development\n", "Plaid")]
    [InlineData(".env.production", "BRAINTREE_ENVIRONMENT=sandbox\n", "Braintree")]
    [InlineData(".env.production", "MIDTRANS_IS_PRODUCTION=false\n", "Midtrans")]
    [InlineData(".env.production", "PAYMENT_GATEWAY_MODE=test\n", "a payment provider")]
    [InlineData(".env.production", "SHIPPING_LABELS_SANDBOX=true\n", "a provider")]
    [InlineData(".env.production", "SMS_TEST_MODE=1\n", "a provider")]
    [InlineData(".env.production", "COURIER_ENV=sandbox\n", "a provider")]
    [InlineData(".env.production", "VITE_NETWORK=sepolia\n", "a blockchain network")]
    [InlineData(".env.production", "CHAIN_NAME=base-goerli\n", "a blockchain network")]
    [InlineData(".env.production", "SOLANA_CLUSTER=devnet\n", "a blockchain network")]
    [InlineData("appsettings.Production.json", "{ \"PayPal\": { \"Mode\": \"sandbox\" } }", "PayPal")]
    [InlineData("appsettings.Production.json", "{ \"Braintree\": { \"Production\": false } }", "Braintree")]
    [InlineData("appsettings.Production.json", "{ \"PayPalSettings\": { \"UseSandbox\": true } }", "PayPal")]
    [InlineData("appsettings.Production.json", "{ \"Payments\": { \"UseSandbox\": true } }", "a payment provider")]
    [InlineData("appsettings.Production.json", "{ \"AzureWebJobsStorage\": \"UseDevelopmentStorage=true\" }", "Azure Storage emulator")]
    [InlineData(".env.production", "FIRESTORE_EMULATOR_HOST=localhost:8080\n", "a local emulator")]
    [InlineData(".env.production", "NEXT_PUBLIC_USE_FIREBASE_EMULATORS=true\n", "a local emulator")]
    public void Production_in_a_test_mode_is_CG0006(string file, string text, string provider)
    {
        var f = Assert.Single(Scan.Rule("CG0006", (file, text)));
        Assert.Contains(provider + " in its test mode", f.Message);
    }

    [Theory]
    [InlineData("TEST_TIMEOUT=30\n")]                 // a key that merely contains 'test'
    [InlineData("RUN_INTEGRATION_TESTS=true\n")]
    [InlineData("FEATURE_NEW_CHECKOUT=true\n")]       // a feature flag
    [InlineData("ENABLE_TEST_ROUTES=false\n")]
    [InlineData("PAYPAL_MODE=live\n")]
    [InlineData("STRIPE_TEST_MODE=false\n")]
    [InlineData("VITE_NETWORK=mainnet\n")]
    [InlineData("NETWORK=app-net\n")]                 // a docker network, not a chain
    [InlineData("APP_ENV=production\nLIVE_RELOAD=false\n")]
    [InlineData("SANDBOX=false\n")]
    [InlineData("TEST_USER_EMAIL=qa@acme.test\n")]
    [InlineData("USE_FIREBASE_EMULATORS=false\n")]
    [InlineData("STORAGE_CONNECTION=DefaultEndpointsProtocol=https;AccountName=ledger;EndpointSuffix=core.windows.net\n")]
    public void Live_modes_and_lookalike_keys_are_not_CG0006_in_production(string text)
    {
        Assert.Empty(Scan.Rule("CG0006", (".env.production", text)));
    }

    [Theory]
    [InlineData(".env.staging", "PAYPAL_MODE=live\n")]
    [InlineData(".env.staging", "STRIPE_LIVE_MODE=true\n")]
    [InlineData(".env.uat", "PLAID_ENV=production\n")]
    [InlineData("appsettings.Staging.json", "{ \"Braintree\": { \"Environment\": \"production\" } }")]
    public void Staging_switched_to_a_live_system_is_CG0002(string file, string text)
    {
        var f = Assert.Single(Scan.Rule("CG0002", (file, text)));
        Assert.Contains("live system", f.Message);
    }

    [Theory]
    [InlineData("PAYPAL_MODE=sandbox\n")]          // staging in sandbox is the right thing
    [InlineData("STRIPE_TEST_MODE=true\n")]
    [InlineData("VITE_NETWORK=mainnet\n")]         // a staging UI over the public chain, on purpose
    [InlineData("SANDBOX=false\n")]                // no live side for a generic switch
    [InlineData("APP_ENV=staging\nPAYMENT_PROVIDER=stripe\n")]
    public void Test_modes_in_staging_are_not_reported(string text)
    {
        Assert.Empty(Scan.Files((".env.staging", text)).Where(f => f.RuleId is "CG0002" or "CG0006"));
    }

    [Fact]
    public void A_test_mode_in_the_base_reaches_production_when_production_does_not_override_it()
    {
        var f = Assert.Single(Scan.Rule("CG0006",
            ("appsettings.json", "{ \"PayPal\": { \"Mode\": \"sandbox\" } }"),
            ("appsettings.Production.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }")));
        Assert.Equal("appsettings.json", f.Path);
        Assert.Contains("reaches Production", f.Message);

        Assert.Empty(Scan.Rule("CG0006",
            ("appsettings.json", "{ \"PayPal\": { \"Mode\": \"sandbox\" } }"),
            ("appsettings.Production.json", "{ \"PayPal\": { \"Mode\": \"live\" } }")));
    }

    [Fact]
    public void A_base_alone_is_no_production_for_mode_switches()
    {
        // No Production file: appsettings.json is ASP.NET Core's default, as likely the developer's settings.
        Assert.Empty(Scan.Rule("CG0006",
            ("appsettings.json", "{ \"PayPal\": { \"Mode\": \"sandbox\" } }"),
            ("appsettings.Staging.json", "{ \"PayPal\": { \"Mode\": \"sandbox\" } }")));
    }

    [Fact]
    public void The_environment_declaration_is_CG0004s_not_a_mode_switch()
    {
        Assert.Empty(Scan.Rule("CG0006", (".env.production", "DEPLOY_ENV=sandbox\n")));
    }
}
