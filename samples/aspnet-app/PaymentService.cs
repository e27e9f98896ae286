namespace AspNetApp;

public sealed class PaymentService(IWebHostEnvironment env, ILogger<PaymentService> logger)
{
    // CG1005: a live key in source (fake: it only has the shape of one).
    private const string StripeSecretKey = "sk_live_FAKEFAKEFAKEFAKEFAKE0000";

    // Not CG1005: test keys are for test systems.
    private const string StripeTestKey = "sk_test_FAKEFAKEFAKEFAKEFAKE0000";

    // CG1006: production database in a literal.
    private const string OrdersConnectionString = "Host=prod-db.internal;Database=orders_prod;Username=app";

    // Not CG1006: token based, "product" is not "prod".
    private const string CatalogUrl = "https://product-service.example.com/api";

    public string Charge(int amount)
    {
        // CG1001: branch on a hardcoded environment name.
        var key = env.EnvironmentName == "Production" ? StripeSecretKey : StripeTestKey;

        // CG1002: IsStaging() outside the composition root.
        if (env.IsStaging())
        {
            logger.LogInformation("Staging charge of {Amount}", amount);
        }
        return $"{amount} charged with {key.Length}-char key via {OrdersConnectionString.Length}/{CatalogUrl.Length}";
    }
}
