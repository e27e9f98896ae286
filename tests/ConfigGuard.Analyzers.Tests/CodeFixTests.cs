using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.CodeFixes;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

public class CodeFixTests
{
    private const string Key = "sk_live_FAKEFAKEFAKEFAKEFAKE0000";

    [Fact]
    public Task Credential_becomes_a_configuration_lookup_when_IConfiguration_is_in_scope() =>
        Verify.CodeFixAsync<LiveCredentialLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>($$"""
            using Microsoft.Extensions.Configuration;
            class Payments(IConfiguration configuration)
            {
                public string? Charge()
                {
                    var stripeSecretKey = "[|{{Key}}|]";
                    return stripeSecretKey;
                }
            }
            """, """
            using Microsoft.Extensions.Configuration;
            class Payments(IConfiguration configuration)
            {
                public string? Charge()
                {
                    var stripeSecretKey = configuration["Stripe:SecretKey"];
                    return stripeSecretKey;
                }
            }
            """);

    [Fact]
    public Task Credential_becomes_an_environment_variable_read_without_IConfiguration() =>
        Verify.CodeFixAsync<LiveCredentialLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>($$"""
            using System;
            class Payments
            {
                private static readonly string? _stripeSecretKey = "[|{{Key}}|]";
                public string? Key => _stripeSecretKey;
            }
            """, """
            using System;
            class Payments
            {
                private static readonly string? _stripeSecretKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
                public string? Key => _stripeSecretKey;
            }
            """);

    [Fact]
    public Task Endpoint_key_comes_from_the_property_and_connection_strings_get_their_section() =>
        Verify.CodeFixAsync<ProductionEndpointLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>("""
            using Microsoft.Extensions.Configuration;
            class Db
            {
                private readonly IConfiguration _config;
                public Db(IConfiguration config) { _config = config; }
                public string? OrdersConnectionString => "Host=[|prod-db.internal|];Database=[|orders_prod|]";
            }
            """, """
            using Microsoft.Extensions.Configuration;
            class Db
            {
                private readonly IConfiguration _config;
                public Db(IConfiguration config) { _config = config; }
                public string? OrdersConnectionString => config["ConnectionStrings:Orders"];
            }
            """.Replace("config[", "_config["));

    [Fact]
    public Task No_fix_where_only_a_constant_may_stand() =>
        Verify.CodeFixAsync<LiveCredentialLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>($$"""
            class Payments
            {
                public const string Secret = "[|{{Key}}|]";
            }
            """, $$"""
            class Payments
            {
                public const string Secret = "{{Key}}";
            }
            """);

    [Fact]
    public Task Fix_all_replaces_every_literal_in_one_pass() =>
        Verify.CodeFixAsync<LiveCredentialLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>($$"""
            using Microsoft.Extensions.Configuration;
            class Payments(IConfiguration configuration)
            {
                public string? StripeKey => "[|{{Key}}|]";
                public string? Restricted() => "[|rk_live_FAKEFAKEFAKEFAKEFAKE0000|]";
                public void Use() => Send(apiKey: "[|{{Key}}|]");
                private static void Send(string? apiKey) { }
            }
            """, """
            using Microsoft.Extensions.Configuration;
            class Payments(IConfiguration configuration)
            {
                public string? StripeKey => configuration["Stripe:Key"];
                public string? Restricted() => configuration["Restricted"];
                public void Use() => Send(apiKey: configuration["Api:Key"]);
                private static void Send(string? apiKey) { }
            }
            """, fixAll: true);

    [Fact]
    public Task Fix_all_handles_two_diagnostics_in_one_literal() =>
        Verify.CodeFixAsync<ProductionEndpointLiteralAnalyzer, ReadFromConfigurationCodeFixProvider>("""
            class Db
            {
                public static string? Connect(string? reportingConnectionString) => reportingConnectionString;
                public string? A() => Connect("Host=[|prod-db.internal|];Database=[|orders_prod|]");
                public string? B() => "https://[|api.prod.example.com|]/v1";
            }
            """, """
            class Db
            {
                public static string? Connect(string? reportingConnectionString) => reportingConnectionString;
                public string? A() => Connect(System.Environment.GetEnvironmentVariable("REPORTING_CONNECTION_STRING"));
                public string? B() => System.Environment.GetEnvironmentVariable("B");
            }
            """, fixAll: true);

    [Fact]
    public Task Environment_comparison_becomes_host_environment_check() =>
        Verify.CodeFixAsync<HardcodedEnvironmentBranchAnalyzer, UseHostEnvironmentCheckCodeFixProvider>("""
            using Microsoft.AspNetCore.Hosting;
            class Service(IWebHostEnvironment env)
            {
                public int A()
                {
                    if ([|env.EnvironmentName == "Production"|]) return 1;
                    if ([|env.EnvironmentName != "Staging"|]) return 2;
                    if ([|"Development" == env.EnvironmentName|]) return 3;
                    if ([|env.EnvironmentName == "uat"|]) return 4;
                    return 0;
                }
            }
            """, """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            class Service(IWebHostEnvironment env)
            {
                public int A()
                {
                    if (env.IsProduction()) return 1;
                    if (!env.IsStaging()) return 2;
                    if (env.IsDevelopment()) return 3;
                    if (env.IsEnvironment("uat")) return 4;
                    return 0;
                }
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_environment_comparisons_and_leaves_plain_strings() =>
        Verify.CodeFixAsync<HardcodedEnvironmentBranchAnalyzer, UseHostEnvironmentCheckCodeFixProvider>("""
            using Microsoft.Extensions.Hosting;
            class Service(IHostEnvironment host, string env)
            {
                public bool A() => [|host.EnvironmentName == "Production"|] || [|host.EnvironmentName != "Staging"|];
                public bool B() => [|env == "Production"|];
            }
            """, """
            using Microsoft.Extensions.Hosting;
            class Service(IHostEnvironment host, string env)
            {
                public bool A() => host.IsProduction() || !host.IsStaging();
                public bool B() => env == "Production";
            }
            """, fixAll: true);
}
