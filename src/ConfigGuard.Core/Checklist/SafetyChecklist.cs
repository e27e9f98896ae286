using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Resources;

namespace ConfigGuard.Core.Checklist;

/// <summary>
/// The staging safety checklist, one row per item, each backed by rules. A row fails when a finding of its rules
/// (for isolation rows: CG0005/CG0002 on keys of its resource classes) concerns the environment checked; the
/// error-tracking row also checks that a configured Sentry reports with SENTRY_ENVIRONMENT set to that environment.
/// Findings come after severity settings and suppressions: a rule turned off or a suppressed finding does not fail a row.
/// </summary>
public static class SafetyChecklist
{
    public const string Environment = "environment";
    public const string ErrorTracking = "errorTracking";
    public const string OtherEndpoints = "otherEndpoints";

    private static readonly string[] Isolation = { "CG0005", "CG0002" };

    public static IReadOnlyList<ChecklistItem> Items { get; } = new[]
    {
        new ChecklistItem(Environment, "Environment declared and correct", new[] { "CG0003", "CG0004" }, Array.Empty<string>()),
        new ChecklistItem("database", "Database isolated from production", Isolation, new[] { ResourceClasses.Database }),
        new ChecklistItem("redis", "Redis isolated from production", Isolation, new[] { ResourceClasses.Redis }),
        new ChecklistItem("bucket", "Storage bucket isolated from production", Isolation, new[] { ResourceClasses.Bucket }),
        new ChecklistItem("shareUrl", "Share and base URLs isolated from production", Isolation, new[] { ResourceClasses.ShareUrl }),
        new ChecklistItem(ErrorTracking, "Error tracking: SENTRY_ENVIRONMENT set, DSN not shared", Isolation, new[] { ResourceClasses.ErrorTracking }),
        new ChecklistItem("email", "Email isolated from production", Isolation, new[] { ResourceClasses.Email }),
        new ChecklistItem("slack", "Slack webhook and channel isolated from production", Isolation, new[] { ResourceClasses.Slack }),
        new ChecklistItem("payment", "Payment keys in the right mode (test outside production)", new[] { "CG0001", "CG0006" }, Array.Empty<string>()),
        new ChecklistItem("apiKeys", "Third-party API keys and secrets environment-specific", Isolation, new[] { ResourceClasses.ApiKey, ResourceClasses.Custom }),
        new ChecklistItem(OtherEndpoints, "No other production endpoint or shared resource", Isolation, Array.Empty<string>()),
        new ChecklistItem("localSecrets", "Local secret files git-ignored", new[] { "CG0009" }, Array.Empty<string>()),
        new ChecklistItem("debug", "Debug switches as intended (off in production)", new[] { "CG0007" }, Array.Empty<string>()),
    };

    /// <param name="result">A finished analysis (findings after severity and suppressions).</param>
    /// <param name="target">The environment class to check (Staging for `--env staging`).</param>
    /// <param name="resources">The resource keys in force (<see cref="AnalysisEngine.Resources"/>).</param>
    public static ChecklistReport Evaluate(AnalysisResult result, EnvironmentClass target, RulePack pack, ResourceKeyCatalog resources)
    {
        var views = result.Views.Where(v => v.Class == target && !v.Primary.Environment.IsLocalOverride && !v.IsImplicit)
            .OrderBy(v => v.Primary.Path, StringComparer.Ordinal).ToList();
        var viewClass = new Dictionary<string, EnvironmentClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in result.Views) viewClass[v.Name] = v.Class;
        EnvironmentClass ClassOf(Finding f) => viewClass.TryGetValue(f.Environment, out var c) ? c : pack.Environments.Classify(f.Environment);

        bool InScope(Finding f) => f.RuleId switch
        {
            "CG0009" or "CG0007" => true,
            "CG0005" when target == EnvironmentClass.Production => true,
            "CG0001" => target != EnvironmentClass.Production && ClassOf(f) == target,
            "CG0006" => target == EnvironmentClass.Production && ClassOf(f) == target,
            _ => ClassOf(f) == target,
        };

        var scoped = result.Findings.Where(f => f.Severity != Severity.None && InScope(f)).ToList();
        var rows = new List<ChecklistRow>();
        foreach (var item in Items)
        {
            var evidence = new List<ChecklistEvidence>();
            foreach (var f in scoped.Where(f => item.Rules.Contains(f.RuleId)))
            {
                if (ReferenceEquals(item.Rules, Isolation))
                {
                    var cls = f.Key is null ? null : resources.ClassOf(KeyNames.Normalize(f.Key));
                    bool matches = item.Id == OtherEndpoints
                        ? cls is null || !Items.Any(i => i.ResourceClasses.Contains(cls))
                        : cls is not null && item.ResourceClasses.Contains(cls);
                    if (!matches) continue;
                }
                evidence.Add(new ChecklistEvidence(f.RuleId, f.Path, f.Span.StartLine, f.Span.StartColumn, f.Key, f.Message));
            }
            if (item.Id == ErrorTracking) evidence.AddRange(SentryEnvironmentProblems(views, target, pack, resources));

            var checkedKeys = CheckedKeys(item, views, resources);
            string note = evidence.Count > 0 ? (evidence.Count == 1 ? "1 problem" : $"{evidence.Count} problems")
                : item.ResourceClasses.Count > 0 && checkedKeys.Count == 0 ? "not configured"
                : checkedKeys.Count > 0 ? "checked " + string.Join(", ", checkedKeys)
                : "ok";
            rows.Add(new ChecklistRow(item, evidence, checkedKeys, note));
        }
        return new ChecklistReport(target.ToName(), views.Select(v => v.Primary.Path).ToList(), rows);
    }

    /// <summary>A Sentry DSN without SENTRY_ENVIRONMENT (or with one that names another environment) mixes this environment's errors into production's.</summary>
    private static IEnumerable<ChecklistEvidence> SentryEnvironmentProblems(List<EnvironmentView> views, EnvironmentClass target, RulePack pack, ResourceKeyCatalog resources)
    {
        foreach (var view in views)
        {
            var dsn = view.Entries.FirstOrDefault(e => e.NormalizedKey.IndexOf("SENTRY", StringComparison.Ordinal) >= 0
                && resources.ClassOf(e.NormalizedKey) == ResourceClasses.ErrorTracking && e.Value.Trim().Length > 0);
            if (dsn is null) continue;
            var env = view.Entries.LastOrDefault(e => e.NormalizedKey == "SENTRY_ENVIRONMENT");
            if (env is null)
            {
                yield return new ChecklistEvidence(null, dsn.File.Path, dsn.Entry.KeySpan.StartLine, dsn.Entry.KeySpan.StartColumn, dsn.Key,
                    $"{dsn.Key} is set for {view.Name} but SENTRY_ENVIRONMENT is not; add SENTRY_ENVIRONMENT={target.ToName()} so its errors are not filed under production");
                continue;
            }
            var value = env.Value.Trim();
            if (ResourceIdentifier.IsReference(value)) continue;
            if (pack.Environments.ClassifyValue(value) != target)
            {
                yield return new ChecklistEvidence(null, env.File.Path, env.Entry.ValueSpan.StartLine, env.Entry.ValueSpan.StartColumn, env.Key,
                    $"SENTRY_ENVIRONMENT={value} in {view.Name}; set it to {target.ToName()}");
            }
        }
    }

    private static List<string> CheckedKeys(ChecklistItem item, List<EnvironmentView> views, ResourceKeyCatalog resources)
    {
        if (item.Id == Environment) return views.Select(v => RepoPath.FileName(v.Primary.Path)).Distinct(StringComparer.Ordinal).ToList();
        if (item.ResourceClasses.Count == 0) return new List<string>();
        return views.SelectMany(v => v.Entries)
            .Where(e => resources.ClassOf(e.NormalizedKey) is { } c && item.ResourceClasses.Contains(c))
            .Select(e => e.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();
    }
}
