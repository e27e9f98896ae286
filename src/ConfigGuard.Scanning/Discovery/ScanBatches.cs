using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Scanning.Discovery;

/// <summary>
/// Splits a large scan into batches of whole subtrees, so a service's .env files, appsettings and kustomize overlays
/// (which layer, pair and reference each other) are analyzed together while memory stays bounded. A subtree larger
/// than <c>maxFiles</c> is split one folder level deeper; a single folder is never split. The whole subtrees are then
/// packed, in path order, into batches of about <c>packFiles</c> files: one subtree never spans two batches, and one
/// larger than <c>packFiles</c> (up to <c>maxFiles</c>) is a batch of its own.
/// Why two sizes: the first decides what is analyzed together (what the findings can see), the second only how much a
/// core holds at once. A batch's whole model lives until its findings are taken, so a batch of 1,000 files outlives
/// several collections and the collector copies it from generation to generation; batches of 100 die young (on the
/// 14,000-file benchmark: GC pauses 190 → 80 ms, CPU -10 to -15 %). Packing changes nothing of what a subtree sees.
/// One limit, the same at any packing: two subtrees of a folder too large to analyze whole are compared only when
/// they share a batch (a staging and a production overlay of one base, in sibling folders under a folder of more than
/// <c>maxFiles</c> config files, may not be paired).
/// </summary>
public static class ScanBatches
{
    /// <param name="maxFiles">The largest subtree analyzed whole; a larger one is split one folder level deeper.</param>
    /// <param name="packFiles">How many files of small subtrees one batch holds (at most, and by default, <paramref name="maxFiles"/>).</param>
    public static List<List<DiscoveredFile>> Split(IReadOnlyList<DiscoveredFile> files, int maxFiles, int packFiles = int.MaxValue)
    {
        packFiles = Math.Clamp(packFiles, 1, maxFiles);
        var batches = new List<List<DiscoveredFile>>();
        var current = new List<DiscoveredFile>();
        foreach (var unit in Units(files, 1, maxFiles))
        {
            if (current.Count > 0 && current.Count + unit.Count > packFiles)
            {
                batches.Add(current);
                current = new List<DiscoveredFile>();
            }
            current.AddRange(unit);
        }
        if (current.Count > 0) batches.Add(current);
        return batches;
    }

    private static IEnumerable<List<DiscoveredFile>> Units(IReadOnlyList<DiscoveredFile> files, int depth, int maxFiles)
    {
        foreach (var group in files.GroupBy(f => Prefix(f.RelativePath, depth), StringComparer.Ordinal))
        {
            var list = group.ToList();
            bool oneFolder = list.All(f => RepoPath.Directory(f.RelativePath) == group.Key);
            if (list.Count <= maxFiles || oneFolder)
            {
                yield return list;
                continue;
            }
            // The folder's own files stay together; its subfolders are split further.
            foreach (var sub in Units(list, depth + 1, maxFiles)) yield return sub;
        }
    }

    /// <summary>The first <paramref name="depth"/> folders of a path (fewer when the file is shallower).</summary>
    private static string Prefix(string path, int depth)
    {
        int at = -1;
        for (int i = 0; i < depth; i++)
        {
            int next = path.IndexOf('/', at + 1);
            if (next < 0) break;
            at = next;
        }
        return at < 0 ? "" : path[..at];
    }

    /// <summary>Findings in report order: path, line, column, rule.</summary>
    public static List<Finding> Sorted(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();

    /// <summary>Findings in path, line, column, rule order, each place and rule once.</summary>
    public static List<Finding> Distinct(IEnumerable<Finding> findings) =>
        findings
            .GroupBy(f => (f.RuleId, f.Path, f.Span.Start, f.Span.Length))
            .Select(g => g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
}
