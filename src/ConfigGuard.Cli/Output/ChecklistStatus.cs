using ConfigGuard.Core.Checklist;

namespace ConfigGuard.Cli.Output;

/// <summary>
/// The RESULT a checklist row shows: FAIL with evidence; SKIP when the row is about a kind of resource the environment
/// does not configure at all (nothing was checked, so "PASS" would claim too much); PASS otherwise.
/// A skipped row does not fail the checklist.
/// </summary>
internal static class ChecklistStatus
{
    public static bool Skipped(ChecklistRow row) => row.Passed && row.Item.ResourceClasses.Count > 0 && row.CheckedKeys.Count == 0;

    public static string Text(ChecklistRow row) => !row.Passed ? "FAIL" : Skipped(row) ? "SKIP" : "PASS";

    public static string Markdown(ChecklistRow row) => !row.Passed ? "❌ FAIL" : Skipped(row) ? "➖ skip" : "✅ pass";
}
