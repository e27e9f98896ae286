using ConfigGuard.Core.Catalog;
using Microsoft.CodeAnalysis;

namespace ConfigGuard.Analyzers;

/// <summary>
/// The one catalog of ConfigGuard's rules as diagnostics: code rules (CG1xxx) and config rules (CG0xxx, reported by
/// <see cref="ConfigFileAnalyzer"/> inside AdditionalFiles). Titles equal the <c>title:</c> of
/// <c>rules/checks/CGxxxx.yaml</c> and default severities equal its <c>defaultSeverity</c>
/// (a test checks both against <c>RulePack.Default.Rules</c>). IDs are a public contract: never renumber.
/// </summary>
public static class DiagnosticDescriptors
{
    public const string EnvironmentCategory = "ConfigGuard.Environment";
    public const string ConfigCategory = "ConfigGuard.Config";
    public const string SecurityCategory = "ConfigGuard.Security";
    public const string HelpLinkBase = RuleDescriptor.DocsBase + "docs/rules/";

    public const string HardcodedEnvironmentBranchId = "CG1001";
    public const string EnvironmentCheckOutsideCompositionRootId = "CG1002";
    public const string EnvironmentNameFromProcessId = "CG1003";
    public const string PreprocessorEnvironmentBranchId = "CG1004";
    public const string LiveCredentialLiteralId = "CG1005";
    public const string ProductionEndpointLiteralId = "CG1006";

    /// <summary>CG1001. {0} = the literal, {1} = its environment class (production, staging ...).</summary>
    public static readonly DiagnosticDescriptor HardcodedEnvironmentBranch = Create(
        HardcodedEnvironmentBranchId,
        "Branch on a hardcoded environment name",
        "Code branches on the hardcoded environment name \"{0}\" ({1}), so other environments never run this path; drive the behaviour from configuration (an option or feature flag) instead",
        EnvironmentCategory, DiagnosticSeverity.Warning,
        "Comparing the environment name to a literal such as \"Production\" means staging never exercises production's code path, and a renamed environment silently changes behaviour.");

    /// <summary>CG1002. {0} = the call (IsProduction() ...), {1} = the containing type.</summary>
    public static readonly DiagnosticDescriptor EnvironmentCheckOutsideCompositionRoot = Create(
        EnvironmentCheckOutsideCompositionRootId,
        "Environment check outside the composition root",
        "'{0}' decides behaviour in '{1}', outside the composition root; decide once in Program/Startup and pass an option to this type",
        EnvironmentCategory, DiagnosticSeverity.Warning,
        "IsProduction()/IsStaging()/IsEnvironment(\"x\") spread through services makes staging behave differently from production in places nobody reviews. Program, Startup and the types listed in configguard.composition_root_types are allowed.");

    /// <summary>CG1003. {0} = the variable name.</summary>
    public static readonly DiagnosticDescriptor EnvironmentNameFromProcess = Create(
        EnvironmentNameFromProcessId,
        "Environment name read straight from the process",
        "The environment name is read from the process variable '{0}'; inject IHostEnvironment or IConfiguration instead",
        EnvironmentCategory, DiagnosticSeverity.Warning,
        "Reading ASPNETCORE_ENVIRONMENT/DOTNET_ENVIRONMENT directly bypasses the host's configuration (command line, appsettings, launch profiles), so the code and the host can disagree about which environment this is.");

    /// <summary>CG1004. {0} = the symbol.</summary>
    public static readonly DiagnosticDescriptor PreprocessorEnvironmentBranch = Create(
        PreprocessorEnvironmentBranchId,
        "Preprocessor branch on an environment",
        "'#if {0}' compiles different code per environment, so the staging build is not the production build; use one build and configuration for environment differences",
        EnvironmentCategory, DiagnosticSeverity.Warning,
        "A build per environment means the binary tested on staging is not the binary deployed to production.");

    /// <summary>CG1005. {0} = provider, {1} = redacted value.</summary>
    public static readonly DiagnosticDescriptor LiveCredentialLiteral = Create(
        LiveCredentialLiteralId,
        "Live credential in a string literal",
        "Live {0} credential {1} is written in source and reaches every environment (production included); read it from configuration or a secret store, and rotate it",
        SecurityCategory, DiagnosticSeverity.Error,
        "A live credential in C# source is shipped to every environment and to everyone with the repository; staging then charges real money with it.");

    /// <summary>CG1006. {0} = host/database/bucket, {1} = its text, {2} = the reason.</summary>
    public static readonly DiagnosticDescriptor ProductionEndpointLiteral = Create(
        ProductionEndpointLiteralId,
        "Production endpoint in a string literal",
        "The {0} '{1}' is a production endpoint ({2}) written in source, so every environment (staging included) talks to production; read the endpoint from configuration",
        EnvironmentCategory, DiagnosticSeverity.Warning,
        "A connection string or URL to production in code makes staging and tests read and write production data.");

    public const string KeyMissingInOneEnvironmentId = "CG1007";
    public const string ConfigKeyTypoId = "CG1008";
    public const string AspNetCoreRunsAsProductionId = "CG1009";

    // Code meets config (CG1007-CG1009, ConfigurationKeyAnalyzer): the message is the engine's ({0}), as for config rules, so
    // the build and `configguard check` print the same text. Reported at compilation end (the keys of every tree are needed).

    /// <summary>CG1007: error where production lacks the key, warning elsewhere (the diagnostic carries its own severity).</summary>
    public static readonly DiagnosticDescriptor KeyMissingInOneEnvironment = CreateCodeConfig(KeyMissingInOneEnvironmentId,
        "Key the code reads is missing in one deployed environment", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConfigKeyTypo = CreateCodeConfig(ConfigKeyTypoId,
        "Config key looks like a typo of a key the code reads", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AspNetCoreRunsAsProduction = CreateCodeConfig(AspNetCoreRunsAsProductionId,
        "Deployed ASP.NET Core app runs as Production outside production", DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor CreateCodeConfig(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", ConfigCategory, severity, isEnabledByDefault: true,
            description: "A ConfigGuard rule comparing the configuration keys the C# reads with what each environment's config provides.",
            helpLinkUri: HelpLinkBase + id + ".md", customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Config rules (CG0xxx). The message is the engine's own finding message ({0}), identical to `configguard check`;
    // IDs, titles and severities are literals so release tracking (RS2000-RS2008) can read them, and a test pins them
    // to RulePack.Default.Rules. The descriptor's severity is the default: .editorconfig/configguard.yaml may change it per file.

    public static readonly DiagnosticDescriptor CG0001 = CreateConfig("CG0001", "Live credential in a non-production config", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0002 = CreateConfig("CG0002", "Production endpoint in a non-production config", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0003 = CreateConfig("CG0003", "Deployable config declares no environment", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0004 = CreateConfig("CG0004", "Declared environment contradicts the file's environment", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0005 = CreateConfig("CG0005", "Resource shared by staging and production", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0006 = CreateConfig("CG0006", "Test or sandbox credential or endpoint in production", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0007 = CreateConfig("CG0007", "Debug or unsafe switch on in production", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0008 = CreateConfig("CG0008", "Placeholder left in a deployable config", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0009 = CreateConfig("CG0009", "Local secret file not ignored by git", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0010 = CreateConfig("CG0010", "Weak secret", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0011 = CreateConfig("CG0011", "Kustomize overlay aimed at another environment", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0012 = CreateConfig("CG0012", "Config file cannot be parsed", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0013 = CreateConfig("CG0013", "Live credential committed in plain text", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0014 = CreateConfig("CG0014", "Kustomize build fails", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CG0017 = CreateConfig("CG0017", "Staging and production run the same moving image tag", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0018 = CreateConfig("CG0018", "Staging and production overlays overwrite each other", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CG0019 = CreateConfig("CG0019", "Setting has no effect", DiagnosticSeverity.Warning);

    /// <summary>The config rules in ID order.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> ConfigRules = System.Collections.Immutable.ImmutableArray.Create(
        CG0001, CG0002, CG0003, CG0004, CG0005, CG0006, CG0007, CG0008, CG0009, CG0010, CG0011, CG0012, CG0013, CG0014, CG0017, CG0018, CG0019);

    private static DiagnosticDescriptor CreateConfig(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", ConfigCategory, severity, isEnabledByDefault: true,
            description: "A ConfigGuard config rule, reported inside the config file (an AdditionalFile) exactly as `configguard check` reports it.",
            helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
