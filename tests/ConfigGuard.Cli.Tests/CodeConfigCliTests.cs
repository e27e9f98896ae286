using System.Text.Json;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// `configguard check` over a C# project and its config (CG1007-CG1009 from syntax, no build) and `configguard keys`,
/// run through the real CLI binary. Each fixture plants what must be flagged beside what must not.
/// </summary>
public class CodeConfigCliTests
{
    private const string WebProject =
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <Nullable>enable</Nullable>\n__EXTRA__  </PropertyGroup>\n</Project>\n";

    // Line numbers matter: the assertions below point at them.
    private const string OrdersProgram =
        "var builder = WebApplication.CreateBuilder(args);\n" +                            // 1
        "var cfg = builder.Configuration;\n" +                                             // 2
        "\n" +                                                                             // 3
        "var ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n" +                                     // 4  required: staging only -> CG1007
        "var mailHost = cfg.GetValue<string>(\"Mail:Host\", \"localhost\");\n" +          // 5  default
        "var retries = cfg.GetValue(\"Ledger:Retries\", 3);\n" +                          // 6  default
        "var region = cfg[\"Ledger:Region\"] ?? \"eu-west\";\n" +                          // 7  default by ??
        "var tenant = Environment.GetEnvironmentVariable(\"TENANT_NAME\") ?? \"shared\";\n" + // 8
        "foreach (var feature in new[] { \"Audit\", \"Export\" })\n" +                      // 9
        "    Console.WriteLine(cfg[$\"Features:{feature}:Enabled\"]);\n" +                 // 10 built at run time: skipped
        "var signing = cfg[\"Ledger:SigningKey\"];\n" +                                    // 11 secretKeyRef / Key Vault
        "var queue = cfg.GetConnectionString(\"Queue\");\n" +                              // 12 both provide it
        "var webhook = cfg[\"Ledger:WebhookSecret\"];\n" +                                 // 13 secretKeyRef in production only
        "\n" +
        "var app = builder.Build();\n" +
        "app.MapGet(\"/\", () => $\"{ledgerUrl} {mailHost} {retries} {region} {tenant} {signing} {queue} {webhook}\");\n" +
        "app.Run();\n";

    private static string EnvPatch(params (string Name, string? Value, string? SecretRef)[] vars)
    {
        var lines = new List<string>
        {
            "patches:", "  - target:", "      kind: Deployment", "      name: orders", "    patch: |-",
            "      - op: add", "        path: /spec/template/spec/containers/0/env", "        value:",
        };
        foreach (var (name, value, secret) in vars)
        {
            lines.Add("          - name: " + name);
            if (value is not null) lines.Add("            value: " + value);
            else
            {
                var parts = secret!.Split('/');
                lines.AddRange(new[] { "            valueFrom:", "              secretKeyRef:", "                name: " + parts[0], "                key: " + parts[1] });
            }
        }
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>An ASP.NET Core app, appsettings per environment, a kustomize base with staging and production overlays.</summary>
    private static TempDir OrdersApp(bool userSecrets = false)
    {
        var tmp = new TempDir();
        tmp.Write("src/Orders/Orders.csproj", WebProject.Replace("__EXTRA__", userSecrets ? "    <UserSecretsId>orders-dev-7f3a</UserSecretsId>\n" : ""));
        tmp.Write("src/Orders/Program.cs", OrdersProgram);
        tmp.Write("src/Orders/appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } }\n}\n");
        tmp.Write("src/Orders/appsettings.Development.json", "{\n  \"Ledger\": { \"Region\": \"local\" }\n}\n");
        tmp.Write("src/Orders/appsettings.Staging.json",
            "{\n" +
            "  \"Ledger\": { \"BaseUrl\": \"https://ledger.staging.example.net\", \"Retries\": 5, \"Region\": \"eu-central\", \"WebhookSecret\": \"whsec-staging-only\" },\n" +
            "  \"Mail\": { \"Host\": \"mail.staging.example.net\" },\n" +
            "  \"Features\": { \"Audit\": { \"Enabled\": true } },\n" +
            "  \"ConnectionStrings\": { \"Queue\": \"amqp://queue.staging.example.net\" }\n" +
            "}\n");
        tmp.Write("src/Orders/appsettings.Production.json",
            "{\n" +
            "  \"Ledgr\": { \"BaseUrl\": \"https://ledger.example.net\" },\n" +
            "  \"Ledger\": { \"SigningKey\": \"@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/ledger-signing)\" },\n" +
            "  \"ConnectionStrings\": { \"Queue\": \"amqp://queue.example.net\" }\n" +
            "}\n");
        tmp.Write("src/Orders/deploy/base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
        tmp.Write("src/Orders/deploy/base/deployment.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.net/orders:1.4.2\n");
        tmp.Write("src/Orders/deploy/overlays/staging/kustomization.yaml", "namespace: orders-staging\nresources:\n  - ../../base\n"
            + EnvPatch(("ASPNETCORE_ENVIRONMENT", "Staging", null), ("Ledger__SigningKey", null, "orders-ledger/signing-key")));
        tmp.Write("src/Orders/deploy/overlays/production/kustomization.yaml", "namespace: orders-production\nresources:\n  - ../../base\n"
            + EnvPatch(("ASPNETCORE_ENVIRONMENT", "Production", null), ("Ledger__WebhookSecret", null, "orders-ledger/webhook-secret")));
        return tmp;
    }

    private static IEnumerable<string> CodeFindings(ProcessResult r) =>
        r.Lines.Where(l => l.Contains(" CG1007:") || l.Contains(" CG1008:") || l.Contains(" CG1009:"));

    [Fact]
    public void Check_flags_a_key_staging_provides_and_production_lacks_at_the_read_in_code()
    {
        using var tmp = OrdersApp();
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Lines, l => l.Contains(" CG1007:"));
        Assert.StartsWith("src/Orders/Program.cs:4:", line);
        Assert.Contains("error CG1007: Ledger:BaseUrl is read here without a default; staging provides it (src/Orders/appsettings.Staging.json:2) but production does not", line);
        Assert.Matches(@"^\d+ errors?, \d+ warnings? in \d+ config files", r.Lines[^1]);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("5")]
    public void Code_findings_are_the_same_when_the_project_s_config_is_analysed_in_several_batches(string batchFiles)
    {
        // A large tree is analysed in batches of whole subtrees; this app's config (appsettings beside the project,
        // overlays under deploy/) then lands in different batches. The code is still compared with all of it: a key
        // that one batch provides is not "missing" in another.
        using var tmp = OrdersApp();
        var whole = Cli.Run(tmp.Path, "check", ".");
        var batched = Cli.RunWithEnvironment(tmp.Path, new Dictionary<string, string> { ["CONFIGGUARD_BATCH_FILES"] = batchFiles }, "check", ".");
        Assert.Equal(1, batched.ExitCode);
        Assert.NotEmpty(CodeFindings(whole));
        Assert.Equal(CodeFindings(whole), CodeFindings(batched));
        Assert.Equal(whole.Lines[^1], batched.Lines[^1]);
    }

    [Fact]
    public void A_source_nested_too_deep_to_parse_is_left_out_with_a_note_and_the_rest_is_compared()
    {
        // 20,000 nested parentheses overflowed the stack in Roslyn's parser and killed the process (exit 134, no
        // report). Now that file is noted and left out, and the project's other sources are still compared.
        using var tmp = OrdersApp();
        tmp.Write("src/Orders/Hostile.cs", "namespace Orders;\n\npublic static class Hostile\n{\n    public static int X = "
            + new string('(', 20_000) + "1" + new string(')', 20_000) + ";\n}\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("src/Orders/Hostile.cs:5:1: note: not read as C#: brackets or type arguments nest more than 256 levels deep"));
        Assert.StartsWith("src/Orders/Program.cs:4:", Assert.Single(r.Lines, l => l.Contains(" CG1007:")));
        var keys = Cli.Run(tmp.Path, "keys", ".");
        Assert.Equal(0, keys.ExitCode);
        Assert.Contains("Ledger:BaseUrl", keys.Stdout);
        Assert.Contains("src/Orders/Hostile.cs:5:1: note: not read as C#", keys.Stderr);
    }

    [Fact]
    public void Check_does_not_flag_defaults_run_time_keys_or_keys_from_secret_stores()
    {
        using var tmp = OrdersApp();
        var r = Cli.Run(tmp.Path, "check", ".");
        var code = string.Join("\n", CodeFindings(r));
        // Defaults: GetValue with a fallback, `?? "x"`, an environment variable read with a fallback.
        Assert.DoesNotContain("Mail:Host", code);
        Assert.DoesNotContain("Ledger:Retries", code);
        Assert.DoesNotContain("Ledger:Region", code);
        Assert.DoesNotContain("TENANT_NAME", code);
        // Built at run time: never guessed, and the staging key under that section is no typo of anything.
        Assert.DoesNotContain("Features:", code);
        // Staging gets it from a secretKeyRef, production from a Key Vault reference.
        Assert.DoesNotContain("Ledger:SigningKey", code);
        // Staging sets it in appsettings, production through a secretKeyRef in the overlay.
        Assert.DoesNotContain("Ledger:WebhookSecret", code);
        // Both environments provide it.
        Assert.DoesNotContain("ConnectionStrings:Queue", code);
        // Both overlays name their environment.
        Assert.DoesNotContain("CG1009", code);
    }

    [Fact]
    public void Check_flags_a_config_key_one_slip_away_from_a_key_the_code_reads()
    {
        using var tmp = OrdersApp();
        var r = Cli.Run(tmp.Path, "check", ".");
        var line = Assert.Single(r.Lines, l => l.Contains(" CG1008:"));
        Assert.StartsWith("src/Orders/appsettings.Production.json:2:", line);
        Assert.Contains("warning CG1008: Ledgr:BaseUrl in production is read by no code and is one slip away from Ledger:BaseUrl", line);
        Assert.Contains("(src/Orders/Program.cs:4)", line);
    }

    [Fact]
    public void Secret_ref_missing_in_production_is_flagged_once_the_secret_store_is_gone()
    {
        using var tmp = OrdersApp();
        // Production's overlay loses the secretKeyRef: the webhook secret is now provided by staging only.
        tmp.Write("src/Orders/deploy/overlays/production/kustomization.yaml", "namespace: orders-production\nresources:\n  - ../../base\n"
            + EnvPatch(("ASPNETCORE_ENVIRONMENT", "Production", null)));
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.Contains(r.Lines, l => l.StartsWith("src/Orders/Program.cs:13:", StringComparison.Ordinal) && l.Contains("error CG1007: Ledger:WebhookSecret"));
    }

    [Fact]
    public void Staging_overlay_of_a_web_app_without_an_environment_name_is_CG1009_and_one_that_sets_it_is_not()
    {
        using var tmp = OrdersApp();
        tmp.Write("src/Orders/deploy/overlays/staging/kustomization.yaml", "namespace: orders-staging\nresources:\n  - ../../base\n"
            + EnvPatch(("Ledger__SigningKey", null, "orders-ledger/signing-key")));
        tmp.Write("src/Orders/deploy/overlays/production/kustomization.yaml", "namespace: orders-production\nresources:\n  - ../../base\n"
            + EnvPatch(("Ledger__WebhookSecret", null, "orders-ledger/webhook-secret")));
        var r = Cli.Run(tmp.Path, "check", ".");
        var line = Assert.Single(r.Lines, l => l.Contains(" CG1009:"));
        Assert.StartsWith("src/Orders/deploy/overlays/staging/kustomization.yaml:1:1: warning CG1009:", line);
        Assert.Contains("never sets ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT", line);
        Assert.Contains("(WebApplication.CreateBuilder, src/Orders/Program.cs:1)", line);

        tmp.Write("src/Orders/deploy/overlays/staging/kustomization.yaml", "namespace: orders-staging\nresources:\n  - ../../base\n"
            + EnvPatch(("DOTNET_ENVIRONMENT", "Staging", null), ("Ledger__SigningKey", null, "orders-ledger/signing-key")));
        Assert.DoesNotContain(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1009:"));
    }

    [Fact]
    public void Pragma_warning_disable_around_the_read_hides_its_finding_as_in_the_build()
    {
        using var tmp = OrdersApp();
        tmp.Write("src/Orders/Program.cs", OrdersProgram.Replace("var ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n",
            "#pragma warning disable CG1007 // the platform injects it in production\nvar ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n#pragma warning restore CG1007\n"));
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(r.Lines, l => l.Contains(" CG1007:"));
        Assert.Contains("(1 suppressed)", r.Lines[^1]);

        // Another rule's pragma, or one restored before the read, hides nothing.
        tmp.Write("src/Orders/Program.cs", OrdersProgram.Replace("var ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n",
            "#pragma warning disable CG1008, CS0168\n#pragma warning disable CG1007\n#pragma warning restore CG1007\nvar ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n"));
        Assert.Single(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1007: Ledger:BaseUrl"));
    }

    [Fact]
    public void SuppressMessage_on_what_contains_the_read_hides_its_finding_as_in_the_build()
    {
        // The same shapes ConfigurationKeyAnalyzerTests runs through the compiler: a member's attribute, an
        // assembly-wide one without a Target, and one for another rule.
        const string Attribute = "[SuppressMessage(\"ConfigGuard\", \"CG1007:Key read without a default\", Justification = \"the platform injects it\")]";
        static string Ledger(string attribute) =>
            "using System.Diagnostics.CodeAnalysis;\nusing Microsoft.Extensions.Configuration;\n\nstatic class Ledger\n{\n    " + attribute
            + "\n    public static string? BaseUrl(IConfiguration c) => c[\"Ledger:BaseUrl\"];\n}\n";
        using var tmp = OrdersApp();
        var program = OrdersProgram.Replace("var ledgerUrl = cfg[\"Ledger:BaseUrl\"];\n", "var ledgerUrl = global::Ledger.BaseUrl(cfg);\n");
        tmp.Write("src/Orders/Program.cs", program);

        tmp.Write("src/Orders/Ledger.cs", Ledger(""));
        Assert.StartsWith("src/Orders/Ledger.cs:7:", Assert.Single(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1007:")));

        tmp.Write("src/Orders/Ledger.cs", Ledger(Attribute));
        var hidden = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(hidden.Lines, l => l.Contains(" CG1007:"));
        Assert.Contains("(1 suppressed)", hidden.Lines[^1]);

        tmp.Write("src/Orders/Ledger.cs", Ledger(Attribute.Replace("CG1007:Key read without a default", "CG1008")));
        Assert.Single(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1007:"));

        tmp.Write("src/Orders/Ledger.cs", Ledger(""));
        tmp.Write("src/Orders/Program.cs", "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"ConfigGuard\", \"CG1007\")]\n" + program);
        Assert.DoesNotContain(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1007:"));

        // Assembly-wide, it reaches a finding on a config file too, as the compiler's does (CG1008 on appsettings).
        Assert.Contains(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1008:"));
        tmp.Write("src/Orders/Program.cs", "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"ConfigGuard\", \"CG1008\")]\n" + program);
        Assert.DoesNotContain(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1008:"));

        // A global suppression with a Target is the build's to resolve (symbols): the CLI still reports the read.
        tmp.Write("src/Orders/Program.cs", "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"ConfigGuard\", \"CG1007\", Scope = \"member\", Target = \"~M:Ledger.BaseUrl(Microsoft.Extensions.Configuration.IConfiguration)~System.String\")]\n" + program);
        Assert.Single(Cli.Run(tmp.Path, "check", ".").Lines, l => l.Contains(" CG1007:"));
    }

    [Fact]
    public void Editorconfig_severity_none_turns_a_code_rule_off_for_those_sources()
    {
        using var tmp = OrdersApp();
        tmp.Write(".editorconfig", "root = true\n\n[src/Orders/**.cs]\ndotnet_diagnostic.CG1007.severity = none\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(r.Lines, l => l.Contains(" CG1007:"));
        Assert.Contains(r.Lines, l => l.Contains(" CG1008:"));
    }

    [Fact]
    public void A_console_app_that_never_starts_a_host_is_not_CG1009()
    {
        using var tmp = new TempDir();
        tmp.Write("tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        tmp.Write("tool/Program.cs", "var target = Environment.GetEnvironmentVariable(\"SYNC_TARGET\") ?? \"none\";\nConsole.WriteLine(target);\n");
        tmp.Write("deploy/base/kustomization.yaml", "resources:\n  - job.yaml\n");
        tmp.Write("deploy/base/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: sync\nspec:\n  template:\n    spec:\n      containers:\n        - name: sync\n          image: registry.example.net/sync:2.0.1\n");
        tmp.Write("deploy/overlays/staging/kustomization.yaml", "namespace: sync-staging\nresources:\n  - ../../base\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(r.Lines, l => l.Contains(" CG1009:"));
    }

    [Fact]
    public void Code_rules_need_a_csharp_project_under_the_scanned_folder()
    {
        using var tmp = OrdersApp();
        // The config alone (the project's folder not scanned): nothing reads the keys, so nothing is compared.
        var r = Cli.Run(tmp.Path, "check", "src/Orders/deploy", "src/Orders/appsettings.Production.json");
        Assert.Empty(CodeFindings(r));
    }

    [Fact]
    public void A_project_that_gitignore_covers_is_not_compared_in_git_or_outside_it()
    {
        using var tmp = OrdersApp();
        // One config root for the whole tree, and a scratch copy of an app that .gitignore covers: it reads Mail:Host
        // without a default, which staging provides and production lacks (CG1007 if the project were taken).
        tmp.Write("configguard.yaml", "rules: {}\n");
        tmp.Write(".gitignore", "scratch/\n");
        tmp.Write("scratch/Orders/Orders.csproj", WebProject.Replace("__EXTRA__", ""));
        tmp.Write("scratch/Orders/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar host = builder.Configuration[\"Mail:Host\"];\n");
        tmp.Git("init", "-q");
        var listed = Cli.Run(tmp.Path, "check", ".");
        // The tracked project (from git's listing, not a second walk of the tree) is compared with the config...
        Assert.Contains(listed.Lines, l => l.StartsWith("src/Orders/Program.cs:4:", StringComparison.Ordinal) && l.Contains("CG1007: Ledger:BaseUrl"));
        // ...and the ignored one is not, as ignored config files are not scanned either.
        Assert.DoesNotContain(listed.Lines, l => l.StartsWith("scratch/", StringComparison.Ordinal));

        // Outside git the walk reads .gitignore files for projects as it does for config.
        Directory.Delete(Path.Combine(tmp.Path, ".git"), recursive: true);
        var walked = Cli.Run(tmp.Path, "check", ".");
        Assert.Contains(walked.Lines, l => l.StartsWith("src/Orders/Program.cs:4:", StringComparison.Ordinal) && l.Contains("CG1007: Ledger:BaseUrl"));
        Assert.DoesNotContain(walked.Lines, l => l.StartsWith("scratch/", StringComparison.Ordinal));

        // Not ignored, the scratch project is compared like any other (the test's premise).
        File.Delete(Path.Combine(tmp.Path, ".gitignore"));
        var all = Cli.Run(tmp.Path, "check", ".");
        Assert.Contains(all.Lines, l => l.StartsWith("scratch/Orders/Program.cs:2:", StringComparison.Ordinal) && l.Contains("CG1007: Mail:Host"));
    }

    [Fact]
    public void Each_project_is_compared_with_the_config_under_its_own_folder_as_its_build_would_be()
    {
        using var tmp = OrdersApp();
        // Another app in the same repository: its production file sets Ledger:BaseUrl and Ledgr:Region, for itself.
        tmp.Write("src/Billing/Billing.csproj", WebProject.Replace("__EXTRA__", ""));
        tmp.Write("src/Billing/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar tax = builder.Configuration.GetValue(\"Tax:Rate\", 0.2m);\n");
        tmp.Write("src/Billing/appsettings.Staging.json", "{ \"Tax\": { \"Rate\": 0.19 } }\n");
        tmp.Write("src/Billing/appsettings.Production.json", "{ \"Ledger\": { \"BaseUrl\": \"https://ledger.example.net\" }, \"Ledgr\": { \"Region\": \"eu\" } }\n");
        var r = Cli.Run(tmp.Path, "check", ".");
        // Orders still lacks Ledger:BaseUrl in its production; Billing's keys are no typos of what Orders reads.
        Assert.Contains(r.Lines, l => l.StartsWith("src/Orders/Program.cs:4:", StringComparison.Ordinal) && l.Contains("CG1007: Ledger:BaseUrl"));
        Assert.DoesNotContain(r.Lines, l => l.StartsWith("src/Billing/", StringComparison.Ordinal) && l.Contains(" CG100"));

        // A configguard.yaml above both makes one config root (as ConfigGuardRoot does in the build): Billing's production
        // file now provides Ledger:BaseUrl to the production both apps share.
        tmp.Write("configguard.yaml", "rules: {}\n");
        var shared = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(shared.Lines, l => l.Contains("CG1007: Ledger:BaseUrl"));
    }

    [Fact]
    public void Keys_prints_each_key_the_code_reads_against_each_environment()
    {
        using var tmp = OrdersApp();
        var r = Cli.Run(tmp.Path, "keys", ".");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^KEY\s+READ AT\s+NEEDS\s+DEVELOPMENT\s+STAGING\s+PRODUCTION$", r.Lines[0]);
        string Row(string key) => Assert.Single(r.Lines, l => l.StartsWith(key + " ", StringComparison.Ordinal));
        Assert.Matches(@"^Ledger:BaseUrl\s+src/Orders/Program\.cs:4\s+required\s+missing\s+provided\s+missing$", Row("Ledger:BaseUrl"));
        Assert.Matches(@"^Ledger:SigningKey\s+src/Orders/Program\.cs:11\s+required\s+missing\s+secret store\s+secret store$", Row("Ledger:SigningKey"));
        Assert.Matches(@"^Ledger:Region\s+src/Orders/Program\.cs:7\s+default\s+provided\s+provided\s+default$", Row("Ledger:Region"));
        Assert.Matches(@"^Mail:Host\s+src/Orders/Program\.cs:5\s+default\s+default\s+provided\s+default$", Row("Mail:Host"));
        Assert.Matches(@"^\$TENANT_NAME\s+src/Orders/Program\.cs:8\s+default\s+-\s+default\s+default$", Row("$TENANT_NAME"));
        // A key built at run time is no row.
        Assert.DoesNotContain(r.Lines, l => l.StartsWith("Features", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_counts_user_secrets_as_a_source_for_development_only()
    {
        using var tmp = OrdersApp(userSecrets: true);
        var r = Cli.Run(tmp.Path, "keys", ".");
        Assert.Equal(0, r.ExitCode);
        // Development may get it from user secrets (open), production still lacks it.
        Assert.Matches(@"^Ledger:BaseUrl\s+\S+\s+required\s+open\s+provided\s+missing$", Assert.Single(r.Lines, l => l.StartsWith("Ledger:BaseUrl ", StringComparison.Ordinal)));
        var check = Cli.Run(tmp.Path, "check", ".");
        Assert.DoesNotContain(check.Lines, l => l.Contains(" CG1007:") && l.Contains("development"));
    }

    [Fact]
    public void Keys_json_lists_environments_and_one_status_per_environment()
    {
        using var tmp = OrdersApp();
        var r = Cli.Run(tmp.Path, "keys", ".", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var envs = doc.RootElement.GetProperty("environments").EnumerateArray().Select(e => e.GetString()).ToList();
        // Names as the config spells them: the overlay folders (staging, production), appsettings.Development.json.
        Assert.Equal(new[] { "Development", "staging", "production" }, envs);
        var keys = doc.RootElement.GetProperty("keys").EnumerateArray().ToList();
        var url = keys.Single(k => k.GetProperty("key").GetString() == "Ledger:BaseUrl");
        Assert.Equal("Required", url.GetProperty("requirement").GetString());
        Assert.Equal("src/Orders/Program.cs", url.GetProperty("path").GetString());
        Assert.Equal(4, url.GetProperty("line").GetInt32());
        Assert.Equal("provided", url.GetProperty("environments").GetProperty("staging").GetString());
        Assert.Equal("missing", url.GetProperty("environments").GetProperty("production").GetString());
        var signing = keys.Single(k => k.GetProperty("key").GetString() == "Ledger:SigningKey");
        Assert.Equal("secret store", signing.GetProperty("environments").GetProperty("production").GetString());
        var queue = keys.Single(k => k.GetProperty("key").GetString() == "Queue" || k.GetProperty("key").GetString() == "ConnectionStrings:Queue");
        Assert.Equal("ConnectionString", queue.GetProperty("kind").GetString());
        Assert.DoesNotContain(keys, k => k.GetProperty("key").GetString()!.StartsWith("Features", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_without_csharp_says_so_and_exits_0()
    {
        using var tmp = new TempDir();
        tmp.Write("appsettings.json", "{ \"A\": 1 }\n");
        var r = Cli.Run(tmp.Path, "keys");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("no configuration keys read by C# code under", r.Stdout);
    }

    [Fact]
    public void Hostile_keys_in_code_and_config_stay_on_their_line_in_keys_and_check()
    {
        using var tmp = new TempDir();
        tmp.Write("App/App.csproj", WebProject.Replace("__EXTRA__", ""));
        // The C# literal holds a newline, a forged workflow command, an ANSI escape and a right-to-left override.
        tmp.Write("App/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar v = builder.Configuration[\"Api\\n::error file=x,line=1::forged\\u001b[2K\\u202e:Url\"];\n");
        tmp.Write("App/appsettings.Staging.json", "{ \"Api\\n::error file=x,line=1::forged\\u001b[2K\\u202e\": { \"Url\": \"https://api.staging.example.net\" } }\n");
        tmp.Write("App/appsettings.Production.json", "{ \"Other\": 1 }\n");
        foreach (var args in new[] { new[] { "keys" }, new[] { "keys", "--format", "json" }, new[] { "check" }, new[] { "check", "--format", "github" } })
        {
            var r = Cli.Run(tmp.Path, args);
            Assert.True(r.ExitCode is 0 or 1, string.Join(' ', args) + ": " + r.All);
            Assert.DoesNotContain('\u001b', r.Stdout);
            Assert.DoesNotContain('\u202E', r.Stdout);
            foreach (var line in r.Stdout.Split('\n'))
                Assert.False(line.TrimStart().StartsWith("::error file=x", StringComparison.Ordinal), string.Join(' ', args) + ": " + line);
        }
        Assert.Contains("CG1007", Cli.Run(tmp.Path, "check").Stdout);
    }

    [Fact]
    public void Aspnet_config_sample_reports_each_code_rule_once()
    {
        var r = Cli.Run(RepoPaths.Root, "check", "samples/aspnet-config");
        Assert.Equal(1, r.ExitCode);
        var expected = new[]
        {
            "samples/aspnet-config/Program.cs:5:1: error CG1007: Stripe:SecretKey",
            "samples/aspnet-config/Program.cs:10:39: error CG1007: Search:Url",
            "samples/aspnet-config/appsettings.Production.json:6:6: warning CG1008: Strpe:SecretKey",
            "samples/aspnet-config/deploy/overlays/staging/kustomization.yaml:1:1: warning CG1009:",
        };
        var code = CodeFindings(r).ToList();
        Assert.Equal(expected.Length, code.Count);
        foreach (var prefix in expected) Assert.Contains(code, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal("2 errors, 2 warnings in 7 config files", r.Lines[^1]);
    }
}
