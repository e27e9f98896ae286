using ConfigGuard.Core.Catalog;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

/// <summary>
/// The C# the built-in rule pack is compiled to behaves like rules/*.yaml loaded at run time. That the generated file is
/// current is checked with everything else generated from rules/ (ConfigGuard.Analyzers.Tests, RuleSourceTests).
/// </summary>
public class CompiledRulePackTests
{
    private static string RulesDir => Path.Combine(RepoPaths.Root, "rules");

    [Fact]
    public void CompiledRulePack_behaves_like_the_yaml_loaded_at_run_time()
    {
        var checks = Directory.GetFiles(Path.Combine(RulesDir, "checks"), "*.yaml").Select(f => "checks/" + Path.GetFileName(f));
        var yaml = RulePack.Load(name => File.Exists(Path.Combine(RulesDir, name)) ? File.ReadAllText(Path.Combine(RulesDir, name)) : null, checks);
        var compiled = RulePack.Default;

        // Rule metadata is compared only for rules already compiled: a new rules/checks/*.yaml is reported, once, by RuleSourceTests.
        Assert.Equal(yaml.Rules.Where(r => compiled.RulesById.ContainsKey(r.Id)).Select(r => (r.Id, r.Title, r.DefaultSeverity, r.Category, r.Description, r.Remediation, r.HelpUri)),
            compiled.Rules.Select(r => (r.Id, r.Title, r.DefaultSeverity, r.Category, r.Description, r.Remediation, r.HelpUri)));
        Assert.Equal(yaml.Credentials.Patterns.Select(p => (p.Id, p.Provider, p.Mode, p.Keyword, p.IsPublic, p.Prefix, p.Regex.ToString())),
            compiled.Credentials.Patterns.Select(p => (p.Id, p.Provider, p.Mode, p.Keyword, p.IsPublic, p.Prefix, p.Regex.ToString())));
        foreach (var host in new[] { "api-m.paypal.com", "api-m.sandbox.paypal.com", "x-live.adyenpayments.com", "example.com" })
        {
            Assert.Equal(yaml.Endpoints.TryClassify(host, out var p1, out var m1), compiled.Endpoints.TryClassify(host, out var p2, out var m2));
            Assert.Equal((p1, m1), (p2, m2));
        }
        foreach (var name in new[] { "prod", "Staging", "uat", "dev", "ci", "example", "blue" })
            Assert.Equal(yaml.Environments.Classify(name), compiled.Environments.Classify(name));
        Assert.Equal(yaml.Environments.DeclarationKeys.OrderBy(k => k), compiled.Environments.DeclarationKeys.OrderBy(k => k));
        Assert.Equal(yaml.Environments.ProductionTokens.OrderBy(k => k), compiled.Environments.ProductionTokens.OrderBy(k => k));
        Assert.Equal(yaml.Keys.SecretKeyPatterns, compiled.Keys.SecretKeyPatterns);
        foreach (var key in new[] { "DATABASE_URL", "REDIS_URL", "SESSION_SECRET", "JWT_SIGNINGKEY", "DEBUG", "LOG_LEVEL", "S3_BUCKET", "DB_HOST", "SENTRY_DSN", "LOG_FORMAT" })
        {
            Assert.Equal(yaml.Keys.SecretKeys.Matches(key), compiled.Keys.SecretKeys.Matches(key));
            Assert.Equal(yaml.Keys.SigningSecretKeys.Matches(key), compiled.Keys.SigningSecretKeys.Matches(key));
            Assert.Equal(yaml.Keys.HostKeys.Matches(key), compiled.Keys.HostKeys.Matches(key));
            Assert.Equal(yaml.Keys.BucketKeys.Matches(key), compiled.Keys.BucketKeys.Matches(key));
            Assert.Equal(yaml.Keys.Resources.ClassOf(key), compiled.Keys.Resources.ClassOf(key));
            Assert.Equal(yaml.Keys.DebugSwitches.Any(s => s.Keys.Matches(key)), compiled.Keys.DebugSwitches.Any(s => s.Keys.Matches(key)));
        }
        foreach (var value in new[] { "changeme", "<your key>", "real-value", "xxx" })
            Assert.Equal(yaml.Keys.IsPlaceholder(value), compiled.Keys.IsPlaceholder(value));
    }
}
