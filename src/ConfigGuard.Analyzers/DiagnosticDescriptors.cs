// Generated from rules/ by src/ConfigGuard.RuleSource/DiagnosticDescriptorsSource.cs. Do not edit:
// change the YAML, then run `dotnet run --project src/ConfigGuard.RuleSource`.
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ConfigGuard.Analyzers;

/// <summary>
/// ConfigGuard's rules as diagnostics: code rules (CG1xxx) and config rules (CG0xxx, reported by
/// <see cref="ConfigFileAnalyzer"/> inside AdditionalFiles). A descriptor's severity is the default:
/// .editorconfig and configguard.yaml may change it per file. IDs are a public contract: never renumber.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>CG0001: Live credential in a non-production config.</summary>
    public static readonly DiagnosticDescriptor CG0001 = new(
        "CG0001",
        "Live credential in a non-production config",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A live-mode (production) credential such as a Stripe sk_live_ key is set in a staging, development, test or template config, or in a base config that reaches one of them.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0001.md");

    /// <summary>CG0002: Production endpoint in a non-production config.</summary>
    public static readonly DiagnosticDescriptor CG0002 = new(
        "CG0002",
        "Production endpoint in a non-production config",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A host, database, bucket or URL in a non-production config says prod/production/prd/live (as a whole token), is a provider's live endpoint, is listed as a production host in configguard.yaml, or is exactly the value the paired production config sets for the same key; or a provider switched to its live system (PAYPAL_MODE=live, STRIPE_LIVE_MODE=true).",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0002.md");

    /// <summary>CG0003: Deployable config declares no environment.</summary>
    public static readonly DiagnosticDescriptor CG0003 = new(
        "CG0003",
        "Deployable config declares no environment",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A staging or production config declares no environment where that bites: a sibling environment of the same group declares one (APP_ENV=production) and this one does not, so the app falls back to its default here (ASP.NET Core's is Production); or a kustomize workload reads ASPNETCORE_ENVIRONMENT from a ConfigMap key the overlay never sets.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0003.md");

    /// <summary>CG0004: Declared environment contradicts the file's environment.</summary>
    public static readonly DiagnosticDescriptor CG0004 = new(
        "CG0004",
        "Declared environment contradicts the file's environment",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A config file whose name or location says one environment declares another (ENVIRONMENT=production in .env.staging).",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0004.md");

    /// <summary>CG0005: Resource shared by staging and production.</summary>
    public static readonly DiagnosticDescriptor CG0005 = new(
        "CG0005",
        "Resource shared by staging and production",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Staging and production use the same database, Redis DB, bucket, Sentry project, share host, or the same API key or secret (compared by hash, never printed), or the same identity: OAuth client, encryption key, project, workspace or account password. Keys that name resources are listed in rules/keys.yaml (resourceKeys) and configguard.yaml (resources).",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0005.md");

    /// <summary>CG0006: Test or sandbox credential or endpoint in production.</summary>
    public static readonly DiagnosticDescriptor CG0006 = new(
        "CG0006",
        "Test or sandbox credential or endpoint in production",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A production config uses a test-mode key (sk_test_), a sandbox/non-production endpoint, a provider's test mode or a testnet (PAYPAL_MODE=sandbox, STRIPE_TEST_MODE=true, NETWORK=sepolia), or a developer's endpoint (LocalDB, SQLEXPRESS, host.docker.internal, localhost in a CORS origin, redirect or browser-bundled URL).",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0006.md");

    /// <summary>CG0007: Debug or unsafe switch on in production.</summary>
    public static readonly DiagnosticDescriptor CG0007 = new(
        "CG0007",
        "Debug or unsafe switch on in production",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A production config turns on debugging, detailed errors, Swagger, verbose logging or disables TLS checks.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0007.md");

    /// <summary>CG0008: Placeholder left in a deployable config.</summary>
    public static readonly DiagnosticDescriptor CG0008 = new(
        "CG0008",
        "Placeholder left in a deployable config",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A staging or production value is still a placeholder (changeme, xxx, TODO, <generate_with: ...>, sk_test_...).",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0008.md");

    /// <summary>CG0009: Local secret file not ignored by git.</summary>
    public static readonly DiagnosticDescriptor CG0009 = new(
        "CG0009",
        "Local secret file not ignored by git",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A local override file (.env.local, .env.staging.local) is tracked by git or not covered by .gitignore.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0009.md");

    /// <summary>CG0010: Weak secret.</summary>
    public static readonly DiagnosticDescriptor CG0010 = new(
        "CG0010",
        "Weak secret",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A signing or encryption secret (SECRET_KEY, SESSION_SECRET, JWT secret ...) in a deployable config is shorter than 32 bytes or has low entropy.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0010.md");

    /// <summary>CG0011: Kustomize overlay aimed at another environment.</summary>
    public static readonly DiagnosticDescriptor CG0011 = new(
        "CG0011",
        "Kustomize overlay aimed at another environment",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A kustomize overlay for one environment sets the namespace, image tag, name prefix/suffix or cluster of another.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0011.md");

    /// <summary>CG0012: Config file cannot be parsed.</summary>
    public static readonly DiagnosticDescriptor CG0012 = new(
        "CG0012",
        "Config file cannot be parsed",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A config file has a syntax error; ConfigGuard reports where and analyzes the rest.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0012.md");

    /// <summary>CG0013: Live credential committed in plain text.</summary>
    public static readonly DiagnosticDescriptor CG0013 = new(
        "CG0013",
        "Live credential committed in plain text",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A real credential is written in plain text in a config file that is committed, where CG0001 does not already apply.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0013.md");

    /// <summary>CG0014: Kustomize build fails.</summary>
    public static readonly DiagnosticDescriptor CG0014 = new(
        "CG0014",
        "Kustomize build fails",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A kustomization that kubectl kustomize (kustomize v5) would refuse to build: a resource, component, patch or generator file that is not there, a cycle of bases, a duplicate generator key, a generator merge with nothing to merge into, a strategic-merge patch with no unique target, a JSON6902 operation that cannot apply.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0014.md");

    /// <summary>CG0017: Staging and production run the same moving image tag.</summary>
    public static readonly DiagnosticDescriptor CG0017 = new(
        "CG0017",
        "Staging and production run the same moving image tag",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A staging and a production kustomize overlay render the same image under a tag that moves (latest, no tag, a branch such as main or develop): whatever is pushed for staging runs in production at its next restart. Digests and version or commit tags are pinned and never reported.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0017.md");

    /// <summary>CG0018: Staging and production overlays overwrite each other.</summary>
    public static readonly DiagnosticDescriptor CG0018 = new(
        "CG0018",
        "Staging and production overlays overwrite each other",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A staging and a production kustomize overlay render the same kind and name in the same namespace (written out), or, living in different namespaces of one cluster, claim the same Service nodePort: applying staging replaces or blocks production. Overlays whose folders name clusters, or whose names carry different regions or clusters, may share names and are not reported.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0018.md");

    /// <summary>CG0019: Setting has no effect.</summary>
    public static readonly DiagnosticDescriptor CG0019 = new(
        "CG0019",
        "Setting has no effect",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A setting that is read and then silently changes nothing, so the environment runs something else than the file says: a .env key set twice with different values (dotenv loaders keep the last one), a kustomize images: entry with nothing to set (one image's fields split across two '-' items), a kustomize patch whose target selects no object.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG0019.md");

    /// <summary>CG1001: Branch on a hardcoded environment name.</summary>
    public static readonly DiagnosticDescriptor CG1001 = new(
        "CG1001",
        "Branch on a hardcoded environment name",
        "Code branches on the hardcoded environment name \"{0}\" ({1}), so other environments never run this path; drive the behaviour from configuration (an option or feature flag) instead",
        "ConfigGuard.Environment",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Code compares the environment name to a literal such as \"Production\", so staging never runs production's code path.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1001.md");

    /// <summary>CG1002: Environment check outside the composition root.</summary>
    public static readonly DiagnosticDescriptor CG1002 = new(
        "CG1002",
        "Environment check outside the composition root",
        "'{0}' decides behaviour in '{1}', outside the composition root; decide once in Program/Startup and pass an option to this type",
        "ConfigGuard.Environment",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "IsProduction()/IsStaging()/IsEnvironment(\"x\") decides behaviour outside Program/Startup.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1002.md");

    /// <summary>CG1003: Environment name read straight from the process.</summary>
    public static readonly DiagnosticDescriptor CG1003 = new(
        "CG1003",
        "Environment name read straight from the process",
        "The environment name is read from the process variable '{0}'; inject IHostEnvironment or IConfiguration instead",
        "ConfigGuard.Environment",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Code reads ASPNETCORE_ENVIRONMENT/DOTNET_ENVIRONMENT with Environment.GetEnvironmentVariable instead of IHostEnvironment.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1003.md");

    /// <summary>CG1004: Preprocessor branch on an environment.</summary>
    public static readonly DiagnosticDescriptor CG1004 = new(
        "CG1004",
        "Preprocessor branch on an environment",
        "'#if {0}' compiles different code per environment, so the staging build is not the production build; use one build and configuration for environment differences",
        "ConfigGuard.Environment",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "#if PRODUCTION / #if STAGING compiles different code per environment, so the staging build is not the production build.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1004.md");

    /// <summary>CG1005: Live credential in a string literal.</summary>
    public static readonly DiagnosticDescriptor CG1005 = new(
        "CG1005",
        "Live credential in a string literal",
        "Live {0} credential {1} is written in source and reaches every environment (production included); read it from configuration or a secret store, and rotate it",
        "ConfigGuard.Security",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A live credential (same catalog as CG0001) is written in C# source.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1005.md");

    /// <summary>CG1006: Production endpoint in a string literal.</summary>
    public static readonly DiagnosticDescriptor CG1006 = new(
        "CG1006",
        "Production endpoint in a string literal",
        "The {0} '{1}' is a production endpoint ({2}) written in source, so every environment (staging included) talks to production; read the endpoint from configuration",
        "ConfigGuard.Environment",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A connection string or URL in C# source points at a production host or database.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1006.md");

    /// <summary>CG1007: Key the code reads is missing in one deployed environment.</summary>
    public static readonly DiagnosticDescriptor CG1007 = new(
        "CG1007",
        "Key the code reads is missing in one deployed environment",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The C# reads a configuration key without a default (an indexer, GetValue without a fallback, GetConnectionString, a [Required] or non-nullable options property) and one deployed environment provides it while another does not, after appsettings layering and with environment variables from .env files and kustomize (A__B = A:B). A key set through a secret store the repository names (secretKeyRef, envFrom a Secret, a Key Vault reference) counts as provided. Error where production lacks the key, warning for other environments.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1007.md",
        customTags: new[] { "CompilationEnd" });

    /// <summary>CG1008: Config key looks like a typo of a key the code reads.</summary>
    public static readonly DiagnosticDescriptor CG1008 = new(
        "CG1008",
        "Config key looks like a typo of a key the code reads",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A config key that no code reads is within a small edit distance of a key the code does read, and that environment does not set the read key (Strpe:SecretKey beside a read of Stripe:SecretKey): the real key is unset and the code falls back to its default.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1008.md",
        customTags: new[] { "CompilationEnd" });

    /// <summary>CG1009: Deployed ASP.NET Core app runs as Production outside production.</summary>
    public static readonly DiagnosticDescriptor CG1009 = new(
        "CG1009",
        "Deployed ASP.NET Core app runs as Production outside production",
        "{0}",
        "ConfigGuard.Config",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The code builds an ASP.NET Core or generic host (WebApplication.CreateBuilder, Host.CreateDefaultBuilder ...), and a deployed non-production environment (a kustomize overlay, a .env.<env> file) never sets ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT, so the app runs as Production there (and loads appsettings.Production.json when there is one). The code-aware form of CG0003.",
        helpLinkUri: "https://github.com/configguard/configguard/blob/main/docs/rules/CG1009.md",
        customTags: new[] { "CompilationEnd" });

    /// <summary>The config rules (reported by ConfigFileAnalyzer) in ID order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> ConfigRules = ImmutableArray.Create(
        CG0001,
        CG0002,
        CG0003,
        CG0004,
        CG0005,
        CG0006,
        CG0007,
        CG0008,
        CG0009,
        CG0010,
        CG0011,
        CG0012,
        CG0013,
        CG0014,
        CG0017,
        CG0018,
        CG0019);
}
