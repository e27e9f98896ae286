using System.Text;
using ConfigGuard.Analyzers.ConfigurationReads;
using ConfigGuard.Analyzers.Tests.Verification;
using ConfigGuard.Core.CodeKeys;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// The keys the code reads, on real API shapes, from the semantic model (the analyzer) and from syntax alone (the CLI).
/// Each snippet must compile against the ASP.NET Core reference pack, so the shapes are the real API's.
/// </summary>
public class ConfigurationReadExtractorTests
{
    private const string Usings = """
        global using System;
        global using System.ComponentModel.DataAnnotations;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Options;
        """;

    internal static (CodeFacts Semantic, CodeFacts Syntax) Extract(params string[] sources)
    {
        var all = sources.Prepend(Usings).ToList();
        var trees = all.Select((s, i) => CSharpSyntaxTree.ParseText(SourceText.From(s, Encoding.UTF8),
            new CSharpParseOptions(LanguageVersion.Latest), $"/src/File{i}.cs")).ToList();
        var compilation = AnalyzerTest.CreateCompilation(trees, new TestOptions(Array.Empty<(string, string)>()));
        AnalyzerTest.AssertCompiles(compilation, "snippet");
        var semantic = new ConfigurationReadExtractor();
        foreach (var t in trees) semantic.Add(t, compilation.GetSemanticModel(t), t.FilePath);
        var syntax = new ConfigurationReadExtractor(trees, nullableEnabled: true);
        foreach (var t in trees) syntax.Add(t, null, t.FilePath);
        return (semantic.Build(), syntax.Build());
    }

    internal static List<string> Lines(CodeFacts facts) =>
        facts.Reads.Select(r => $"{r.Key}{(r.IsSection ? " (section)" : "")} {r.Kind} {r.Requirement}").ToList();

    private static void AssertBoth(string[] expected, params string[] sources)
    {
        var (semantic, syntax) = Extract(sources);
        Assert.Equal(expected, Lines(semantic));
        Assert.Equal(expected, Lines(syntax));
    }

    [Fact]
    public void Minimal_api_with_top_level_statements()
    {
        AssertBoth(new[]
        {
            "Stripe:SecretKey Indexer Required",
            "Http:Retries GetValue Defaulted",
            "Http:Timeout GetValue Required",
            "ConnectionStrings:Orders ConnectionString Required",
            "Aws:Region Indexer Defaulted",
            "WEBHOOK_SECRET EnvironmentVariable Required",
            "Features:Banner Indexer Required",
        }, """
            var builder = WebApplication.CreateBuilder(args);
            var stripeKey = builder.Configuration["Stripe:SecretKey"];
            var retries = builder.Configuration.GetValue<int>("Http:Retries", 3);
            var timeout = builder.Configuration.GetValue<int>("Http:Timeout");
            var db = builder.Configuration.GetConnectionString("Orders");
            var region = builder.Configuration["Aws:Region"] ?? "eu-west-1";
            var hook = Environment.GetEnvironmentVariable("WEBHOOK_SECRET");
            var app = builder.Build();
            app.MapGet("/", (IConfiguration c) => c["Features:Banner"]);
            app.Run();
            """);
    }

    [Fact]
    public void Options_pattern_configure_and_bind_configuration_read_the_options_properties()
    {
        AssertBoth(new[]
        {
            "Stripe:WebhookSecret OptionsProperty Required",
            "Stripe:PublishableKey OptionsProperty Optional",
            "Stripe:Retries OptionsProperty Defaulted",
            "Stripe:Endpoint OptionsProperty Defaulted",
            "Stripe:Webhooks:Path OptionsProperty Required",
            "Stripe:AllowedIps (section) OptionsProperty Optional",
            "Mail:Host OptionsProperty Required",
            "Mail:Port OptionsProperty Defaulted",
            "Mail:From OptionsProperty Required",
            "Mail:sender_name OptionsProperty Optional",
        }, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StripeOptions>(builder.Configuration.GetSection(StripeOptions.Section));
            builder.Services.AddOptions<MailOptions>().BindConfiguration(nameof(MailOptions.Mail)).ValidateDataAnnotations().ValidateOnStart();
            builder.Build().Run();
            """, """
            public sealed class StripeOptions
            {
                public const string Section = "Stripe";
                [Required] public string WebhookSecret { get; set; } = "";
                public string? PublishableKey { get; set; }
                public int Retries { get; set; }
                public string Endpoint { get; set; } = "https://api.stripe.test";
                public WebhookOptions Webhooks { get; set; } = new();
                public string[] AllowedIps { get; set; } = Array.Empty<string>();
                public static string Ignored { get; set; } = "";
                public string Computed => Endpoint + "/v1";
            }
            public sealed class WebhookOptions { public string Path { get; set; } = null!; }
            public sealed class MailOptions
            {
                public string Mail => "";
                public required string Host { get; set; }
                public int Port { get; set; } = 25;
                public string From { get; set; } = null!;
                [ConfigurationKeyName("sender_name")] public string? SenderName { get; set; }
            }
            """);
    }

    [Fact]
    public void Iconfiguration_in_constructors_partial_classes_const_and_nameof_keys()
    {
        AssertBoth(new[]
        {
            "Payments:ApiKey Indexer Required",
            "Search:Url Indexer Required",
            "Payments:Defaults:Currency Indexer Required",
            "Beta:Enabled GetValue Optional",
            "PaymentLimits:Max OptionsProperty Defaulted",
            "PaymentLimits:Currency OptionsProperty Required",
            "Stripe:Account GetValue Required",
        }, """
            namespace Shop;
            public partial class PaymentService
            {
                private const string Prefix = "Payments";
                private readonly IConfiguration _configuration;
                public PaymentService(IConfiguration configuration) { _configuration = configuration; }
                public string? ApiKey => _configuration[Prefix + ":ApiKey"];
                public string? Tenant(string tenant) => _configuration[$"Tenants:{tenant}:Key"];
                public string? ByName(string key) => _configuration[key];
            }
            public sealed class SearchClient(IConfiguration config)
            {
                public string? Url => config["Search:Url"];
            }
            """, """
            namespace Shop;
            public partial class PaymentService
            {
                public string? Currency()
                {
                    var section = _configuration.GetSection("Payments:Defaults");
                    return section["Currency"];
                }
                public bool Beta() => _configuration.GetSection("Beta").Exists() && _configuration.GetValue<bool>("Beta:Enabled");
                public void Load(PaymentLimits limits) => _configuration.GetSection(nameof(PaymentLimits)).Bind(limits);
                public string? Account() => _configuration.GetRequiredSection("Stripe").GetValue<string>("Account");
            }
            public sealed class PaymentLimits { public decimal Max { get; set; } public string Currency { get; set; } = default!; }
            """);
    }

    [Fact]
    public void Keys_built_at_run_time_writes_and_other_indexers_are_not_reads()
    {
        AssertBoth(Array.Empty<string>(), """
            using System.Collections.Generic;
            public sealed class Other(IConfiguration configuration, Dictionary<string, string> map)
            {
                public string? A(string name) => configuration[name];
                public string? B(int i) => configuration["Items:" + i];
                public string? C() => map["Stripe:SecretKey"];
                public void D() => configuration["Written:Here"] = "x";
                public string? E() => configuration[string.Format("{0}:Key", "Stripe")];
                public string? F(string v) => Environment.GetEnvironmentVariable(v);
            }
            """);
    }

    [Fact]
    public void Host_env_prefixes_secret_stores_and_opaque_sections()
    {
        var (semantic, syntax) = Extract("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddEnvironmentVariables("SHOP_");
            builder.Configuration.AddUserSecrets<Program>();
            foreach (var child in builder.Configuration.GetSection("Tenants").GetChildren()) Console.WriteLine(child.Key);
            Use(builder.Configuration.GetSection("Serilog"));
            builder.Build().Run();
            static void Use(IConfigurationSection section) { }
            public partial class Program { }
            """);
        foreach (var facts in new[] { semantic, syntax })
        {
            Assert.True(facts.IsAspNetCoreApp);
            Assert.Equal("WebApplication.CreateBuilder", Assert.Single(facts.Hosts).Call);
            Assert.Equal(new[] { "SHOP_" }, facts.EnvironmentVariablePrefixes);
            Assert.True(facts.UsesUserSecrets);
            Assert.Equal(new[] { "Serilog", "Tenants" }, facts.OpaqueSections);
            Assert.Equal(new[] { "Serilog (section) Section Optional" }, Lines(facts));
        }
    }

    [Fact]
    public void Generic_host_is_not_an_aspnetcore_host()
    {
        var (semantic, syntax) = Extract("""
            var builder = Host.CreateApplicationBuilder(args);
            var key = builder.Configuration["Worker:Queue"];
            builder.Build().Run();
            """);
        foreach (var facts in new[] { semantic, syntax })
        {
            Assert.Equal(AppHostKind.GenericHost, Assert.Single(facts.Hosts).Kind);
            Assert.Equal(new[] { "DOTNET_ENVIRONMENT" }, facts.Hosts[0].EnvironmentVariables);
            Assert.Equal(new[] { "Worker:Queue Indexer Required" }, Lines(facts));
        }
    }

    [Fact]
    public void Semantic_mode_ignores_lookalike_apis()
    {
        var (semantic, _) = Extract("""
            public sealed class Lookalike
            {
                public string? GetValue<T>(string key) => key;
                public string? GetConnectionString(string name) => name;
                public string? this[string key] => key;
            }
            public sealed class User(Lookalike config)
            {
                public string? A => config.GetValue<int>("Not:Config");
                public string? B => config.GetConnectionString("NotConfig");
                public string? C => config["Not:Either"];
            }
            """);
        Assert.Empty(semantic.Reads);
    }
}
