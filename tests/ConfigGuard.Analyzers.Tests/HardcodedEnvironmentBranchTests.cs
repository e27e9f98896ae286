using ConfigGuard.Analyzers.Tests.Verification;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

public class HardcodedEnvironmentBranchTests
{
    [Fact]
    public Task Flags_comparisons_of_the_host_environment_name() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        using Microsoft.Extensions.Hosting;
        class Service
        {
            private readonly IHostEnvironment _env;
            public Service(IHostEnvironment env) { _env = env; }
            public int Limit()
            {
                if ([|_env.EnvironmentName == "Production"|]) return 1;
                if ([|"Staging" != _env.EnvironmentName|]) return 2;
                return [|_env.EnvironmentName.Equals("prod", System.StringComparison.OrdinalIgnoreCase)|] ? 3 : 4;
            }
        }
        """);

    [Fact]
    public Task Flags_string_equals_and_comparer_on_variables_and_environment_reads() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        using System;
        class Service
        {
            public string? Environment { get; set; }
            public bool A(string environmentName) => [|string.Equals(environmentName, "Staging", StringComparison.OrdinalIgnoreCase)|];
            public bool B() => [|StringComparer.OrdinalIgnoreCase.Equals(Environment, "stg")|];
            public bool C() => [|System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") == "Development"|];
            public bool D() => [|System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")?.ToLowerInvariant() == "production"|];
            public bool E(string env) => [|"Production".Equals(env)|];
            public bool F(Microsoft.Extensions.Configuration.IConfiguration configuration) => [|configuration["ASPNETCORE_ENVIRONMENT"] == "Production"|];
        }
        """);

    [Fact]
    public Task Flags_switch_statements_switch_expressions_and_patterns() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Service
        {
            public int A(string env)
            {
                switch (env)
                {
                    case [|"Production"|]: return 1;
                    case [|"Staging"|] or [|"uat"|]: return 2;
                    case "blue": return 3;
                    default: return 0;
                }
            }
            public int B(string currentEnvironment) => currentEnvironment switch
            {
                [|"Production"|] => 1,
                not [|"Development"|] => 2,
                _ => 0,
            };
            public bool C(string envName) => envName is [|"Production"|] or [|"prd"|];
        }
        """);

    [Fact]
    public Task Flags_constants_that_name_an_environment() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Names { public const string Prod = "Production"; }
        class Service
        {
            public bool A(string env) => [|env == Names.Prod|];
        }
        """);

    /// <summary>
    /// The syntax precheck must let through every operand shape the semantic model can read as an environment name or an
    /// environment-name constant: indexers with a constant key, casts and !, ??, normalization chains, ?., constant
    /// concatenation, nameof, constant interpolation, object.Equals and an `as` conversion.
    /// </summary>
    [Fact]
    public Task Flags_operand_shapes_that_only_the_semantic_model_resolves() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        using System;
        using Microsoft.Extensions.Configuration;
        enum Stage { Production, Staging }
        static class Keys { public const string Env = "ASPNETCORE_ENVIRONMENT"; public const string Prefix = "Prod"; }
        class Service
        {
            const string Live = "live";
            public bool A(IConfiguration c) => [|c[Keys.Env] == "Production"|];
            public bool B(string? environment) => [|(string?)environment! == "Staging"|];
            public bool C(string? env) => [|(env ?? "") == "Production"|];
            public bool D(string env) => [|env.Trim().ToLowerInvariant() == "production"|];
            public bool E() => [|Environment.GetEnvironmentVariable(Keys.Env)?.Trim() == "prod"|];
            public bool F(string env) => [|env == Keys.Prefix + "uction"|];
            public bool G(string env) => [|env == nameof(Stage.Production)|];
            public bool H(string env) => [|env == $"{Live}"|];
            public bool I(string env) => [|Equals(env, "Staging")|];
            public bool J(string env) => [|env.Equals(Live)|];
            public bool K(object envName) => [|envName as string == "Production"|];
            public int L(IConfiguration c) => c[Keys.Env] switch { [|"Staging"|] => 1, _ => 0 };
        }
        """);

    /// <summary>Comparisons the syntax precheck turns away before the semantic model is asked (the benchmark's shapes among them).</summary>
    [Fact]
    public Task Leaves_comparisons_without_an_environment_operand_alone() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Service
        {
            const string Other = "blue";
            public bool A(string environment) => environment.Length == 10;
            public bool B(string environment, string other) => environment == other;
            public bool C(string? environment) => environment == null;
            public bool D(string name) => name == "Production";
            public bool E(string environment) => environment == Other;
            public bool F(string environment) => environment.Equals(Other);
            public int G(string name) => name switch { "Production" => 1, _ => 0 };
            public bool H(object o) => o is "Production";
        }
        """);

    [Fact]
    public Task Works_without_Microsoft_Extensions_Hosting_types_in_use() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Plain
        {
            private string _env = "";
            public bool IsLive() => [|_env == "live"|];
        }
        """);

    [Fact]
    public Task Leaves_labels_log_messages_and_unrelated_comparisons_alone() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        using System;
        using Microsoft.Extensions.Logging;
        class Service
        {
            public string Label => "Production";
            public string Title { get; set; } = "";
            public void Log(ILogger logger, string env)
            {
                logger.LogInformation("Running in Production mode: {Env}", env);
                Console.WriteLine($"env={env} (Production)");
                if (Title == "Production") { }                    // a display string, not an environment
                if (env == "blue-green") { }                      // not an environment name
                if (env == Title) { }                             // no literal
                var dict = new System.Collections.Generic.Dictionary<string, int> { ["Production"] = 1 };
                switch (Title) { case "Staging": break; }
            }
        }
        """);

    [Fact]
    public Task Skips_generated_code() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        // <auto-generated/>
        class Generated
        {
            public bool A(string env) => env == "Production";
        }
        """);

    [Fact]
    public Task Honours_pragma_warning_disable() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Service
        {
        #pragma warning disable CG1001 // the staging smoke test needs this one
            public bool A(string env) => env == "Production";
        #pragma warning restore CG1001
            public bool B(string env) => [|env == "Staging"|];
        }
        """);

    [Fact]
    public Task Message_names_the_environment_and_the_remedy() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Service
        {
            public bool A(string env) => {|#0:env == "stg"|};
        }
        """, new ExpectedDiagnostic("CG1001", 0, MessageContains: "\"stg\" (staging)"));

    [Fact]
    public Task Severity_is_configurable_in_editorconfig() => Verify.AnalyzerAsync<HardcodedEnvironmentBranchAnalyzer>("""
        class Service
        {
            public bool A(string env) => env == "Production";
        }
        """, "[*.cs]\ndotnet_diagnostic.CG1001.severity = none\n");
}
