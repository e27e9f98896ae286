using System.Text.RegularExpressions;
using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Core.Tests.Robustness;

/// <summary>Every regex ConfigGuard builds runs with a timeout: a hostile value must not stall a hook (ReDoS).</summary>
public class RegexTimeoutTests
{
    [Fact]
    public void Every_regex_in_the_sources_is_built_with_a_timeout()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var text = File.ReadAllText(file);
            // Every construction (new Regex(...), Regex X = new(...)) and every static helper (Regex.IsMatch(...)) names a
            // timeout in the same statement (up to the `);` that ends its line).
            foreach (Match m in Regex.Matches(text, @"(?:new Regex\(|Regex\s+\w+\s*=\s*new\(|\bRegex\.(?:IsMatch|Match|Matches|Replace|Split)\()[\s\S]*?\);\s*(?:\}\s*)?\r?\n"))
                if (!m.Value.Contains("Timeout", StringComparison.Ordinal) && !m.Value.Contains("TimeSpan", StringComparison.Ordinal))
                    offenders.Add($"{Path.GetFileName(file)}: {m.Value[..Math.Min(100, m.Value.Length)]}");
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
