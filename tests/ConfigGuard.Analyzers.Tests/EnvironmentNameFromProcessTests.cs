using ConfigGuard.Analyzers.Tests.Verification;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

public class EnvironmentNameFromProcessTests
{
    [Fact]
    public Task Flags_reads_of_environment_declaration_keys() => Verify.AnalyzerAsync<EnvironmentNameFromProcessAnalyzer>("""
        using System;
        class C
        {
            const string Key = "DOTNET_ENVIRONMENT";
            string? A() => [|Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")|];
            string? B() => [|Environment.GetEnvironmentVariable(Key)|];
            string? D() => [|Environment.GetEnvironmentVariable("ENVIRONMENT", EnvironmentVariableTarget.Process)|];
            string? E() => {|#0:Environment.GetEnvironmentVariable("app-env")|};
        }
        """, new ExpectedDiagnostic("CG1003", 0, MessageContains: "'app-env'"));

    [Fact]
    public Task Flags_calls_through_using_static_and_casts() => Verify.AnalyzerAsync<EnvironmentNameFromProcessAnalyzer>("""
        using static System.Environment;
        class C
        {
            string? A() => [|GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")|];
            string B() => ([|System.Environment.GetEnvironmentVariable((string)"APP_ENV")|])!;
        }
        """);

    [Fact]
    public Task Leaves_other_variables_and_non_constant_keys_alone() => Verify.AnalyzerAsync<EnvironmentNameFromProcessAnalyzer>("""
        using System;
        class C
        {
            string? A() => Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
            string? B(string name) => Environment.GetEnvironmentVariable(name);
            string? C2() => Environment.GetEnvironmentVariable("NODE_ENV");   // a build mode, not an environment
            string D() => "ASPNETCORE_ENVIRONMENT";
        }
        """);

    [Fact]
    public Task Honours_pragma() => Verify.AnalyzerAsync<EnvironmentNameFromProcessAnalyzer>("""
        class C
        {
        #pragma warning disable CG1003
            string? A() => System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        #pragma warning restore CG1003
        }
        """);
}
