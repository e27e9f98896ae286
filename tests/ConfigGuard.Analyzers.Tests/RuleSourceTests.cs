using System.Reflection;
using System.Text;
using ConfigGuard.RuleSource;
using ConfigGuard.Tests;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ConfigGuard.Analyzers.Tests;

/// <summary>
/// rules/checks/CGxxxx.yaml is the one source of a rule. Starting from every YAML file, this test fails, naming what is
/// missing, when a rule has no implementation, no doc page, no descriptor or no test file, and when a file generated
/// from rules/ (descriptors, release tracking, RuleSet, compiled rule pack, README table, docs index) is out of date.
/// `dotnet run --project src/ConfigGuard.RuleSource` rewrites the generated files (see README, "Adding a rule").
/// </summary>
public class RuleSourceTests
{
    private static readonly string[] ConfigDocSections = { "## What it finds", "## Why", "## Bad", "## Good", "## Suppressing" };
    private static readonly string[] CodeDocSections = { "## What it finds", "## Why", "## Bad", "## Good", "## How to suppress" };

    [Fact]
    public void Every_rule_yaml_has_its_implementation_doc_page_descriptor_and_tests_and_the_generated_files_are_current()
    {
        var rules = RuleYaml.All(RepoPaths.Root);
        var report = new StringBuilder();

        var stale = GeneratedFiles.Stale(RepoPaths.Root);
        if (stale.Count > 0)
            report.Append($"Generated from rules/ and out of date: {string.Join(", ", stale)}.\n  Run `{GeneratedFiles.RegenerateCommand}` and commit the result.\n");

        var descriptors = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        var codeAnalyzers = RuleCatalogTests.Analyzers().Where(a => a is not ConfigFileAnalyzer).ToList();
        var ruleClasses = RuleSetSource.RuleClasses();
        var testFiles = TestFiles();

        foreach (var rule in rules)
        {
            var missing = new List<string>();
            if (rule.Id != Path.GetFileNameWithoutExtension(rule.File)) missing.Add($"an id equal to the file name (it says {rule.Id})");
            if (rule.Title.Length == 0) missing.Add("a title");
            if (rule.Description.Length == 0) missing.Add("a description");
            if (rule.Remediation.Length == 0) missing.Add("a remediation");
            if (rule.HelpUri != $"docs/rules/{rule.Id}.md") missing.Add($"helpUri: docs/rules/{rule.Id}.md");
            if (rule.Category is not ("config" or "code")) missing.Add("category: config or code");
            if (rule.Id.StartsWith("CG1", StringComparison.Ordinal) != rule.IsCode) missing.Add("the category its number says (CG0xxx config, CG1xxx code)");
            if (rule.IsCode && string.IsNullOrWhiteSpace(rule.MessageFormat)) missing.Add("messageFormat: (code rules: the diagnostic's message, with {0}... for its arguments)");
            if (rule.IsCode && string.IsNullOrWhiteSpace(rule.DiagnosticCategory)) missing.Add("diagnosticCategory: (code rules: ConfigGuard.Environment, ConfigGuard.Security or ConfigGuard.Config)");

            string[] implementations;
            if (rule.IsCode)
            {
                implementations = codeAnalyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == rule.Id)).Select(a => a.GetType().Name).ToArray();
                if (implementations.Length == 0)
                    missing.Add($"an implementation: a sealed DiagnosticAnalyzer in src/ConfigGuard.Analyzers whose SupportedDiagnostics hold DiagnosticDescriptors.{rule.Id}");
            }
            else
            {
                implementations = ruleClasses.Where(c => c.Id == rule.Id).Select(c => c.Type.Name).ToArray();
                if (implementations.Length == 0)
                    missing.Add($"an implementation: a sealed IFileRule, IViewRule or IPairRule class in src/ConfigGuard.Core/Rules whose Id is \"{rule.Id}\"");
            }

            if (!descriptors.TryGetValue(rule.Id, out var descriptor))
                missing.Add($"a descriptor: DiagnosticDescriptors.{rule.Id} (generated: run `{GeneratedFiles.RegenerateCommand}`, then build)");
            else if (descriptor.Title.ToString() != rule.Title || descriptor.DefaultSeverity.ToString() != rule.RoslynSeverity)
                missing.Add($"a current descriptor: DiagnosticDescriptors.{rule.Id} says \"{descriptor.Title}\" ({descriptor.DefaultSeverity}); rebuild after regenerating");

            var page = Path.Combine(RepoPaths.Root, "docs", "rules", rule.Id + ".md");
            if (!File.Exists(page))
            {
                missing.Add($"a doc page: docs/rules/{rule.Id}.md starting \"# {rule.Id}: {rule.Title}\" with {string.Join(", ", Sections(rule))}");
            }
            else
            {
                var text = File.ReadAllText(page);
                var lacking = Sections(rule).Where(s => !text.Contains(s, StringComparison.Ordinal)).ToList();
                if (!text.StartsWith($"# {rule.Id}: {rule.Title}", StringComparison.Ordinal)) lacking.Insert(0, $"the first line \"# {rule.Id}: {rule.Title}\"");
                if (lacking.Count > 0) missing.Add($"a complete doc page: docs/rules/{rule.Id}.md lacks {string.Join(", ", lacking)}");
            }

            var names = implementations.Prepend(rule.Id).ToArray();
            if (!testFiles.Any(f => names.Any(n => f.Text.Contains(n, StringComparison.Ordinal))))
                missing.Add($"a test file: a tests/**/*Tests.cs that names {string.Join(" or ", names)}");

            if (missing.Count > 0)
                report.Append($"{rule.File}: {rule.Id} is missing\n").Append(string.Concat(missing.Select(m => $"  - {m}\n")));
        }

        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, id) in ruleClasses.Where(c => !known.Contains(c.Id)))
            report.Append($"{type.Name} reports {id}, which has no rules/checks/{id}.yaml\n");
        foreach (var a in codeAnalyzers)
        {
            foreach (var id in a.SupportedDiagnostics.Select(d => d.Id).Where(id => !known.Contains(id)))
                report.Append($"{a.GetType().Name} reports {id}, which has no rules/checks/{id}.yaml\n");
        }
        foreach (var page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "CG*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            if (!known.Contains(id)) report.Append($"docs/rules/{id}.md documents a rule with no rules/checks/{id}.yaml\n");
        }

        Assert.True(report.Length == 0, "\n" + report);
    }

    /// <summary>
    /// A rule's title lives in its YAML: no hand-written C# under src/ or tests/ types it as a string literal (the
    /// generated descriptors and compiled rule pack do; tests read it from RulePack.Default).
    /// </summary>
    [Fact]
    public void No_hand_written_cs_file_types_a_rule_title()
    {
        var generated = new[] { DiagnosticDescriptorsSource.RelativePath, GeneratedFiles.CompiledRulePackPath, RuleSetSource.RelativePath }
            .Select(p => Path.GetFullPath(Path.Combine(RepoPaths.Root, p))).ToHashSet(StringComparer.Ordinal);
        var sep = Path.DirectorySeparatorChar;
        var sources = new[] { "src", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal)
                && !generated.Contains(Path.GetFullPath(f)))
            .Select(f => (Path: Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();
        var typed = RuleYaml.All(RepoPaths.Root)
            .SelectMany(r => sources.Where(f => f.Text.Contains("\"" + r.Title + "\"", StringComparison.Ordinal)).Select(f => $"{f.Path} types the title of {r.Id} (\"{r.Title}\")"))
            .ToList();
        Assert.True(typed.Count == 0, "\n" + string.Join("\n", typed) + "\n  Read it from RulePack.Default.Rule(id).Title or DiagnosticDescriptors.CGxxxx.Title instead.");
    }

    private static IEnumerable<string> Sections(RuleYaml rule) =>
        (rule.IsCode ? CodeDocSections.Append("#pragma warning disable " + rule.Id) : ConfigDocSections)
            .Append($"dotnet_diagnostic.{rule.Id}.severity");

    /// <summary>The test sources (tests/**/*Tests.cs), leaving out this folder and build output.</summary>
    private static List<(string Path, string Text)> TestFiles()
    {
        var tests = Path.Combine(RepoPaths.Root, "tests");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(tests, "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal)
                && Path.GetFileName(f) is not ("RuleSourceTests.cs" or "RuleCatalogTests.cs"))
            .Select(f => (f, File.ReadAllText(f)))
            .ToList();
    }
}
