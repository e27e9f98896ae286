using System.Collections.Generic;

namespace ConfigGuard.Core.Checklist;

/// <summary>An evaluated checklist item: pass or fail, the evidence for a failure, and what was looked at.</summary>
public sealed class ChecklistRow
{
    public ChecklistRow(ChecklistItem item, IReadOnlyList<ChecklistEvidence> evidence, IReadOnlyList<string> checkedKeys, string note)
    {
        Item = item;
        Evidence = evidence;
        CheckedKeys = checkedKeys;
        Note = note;
    }

    public ChecklistItem Item { get; }
    public bool Passed => Evidence.Count == 0;
    public IReadOnlyList<ChecklistEvidence> Evidence { get; }
    /// <summary>The keys (or files) of the environment this row looked at, as the config spells them.</summary>
    public IReadOnlyList<string> CheckedKeys { get; }
    /// <summary>A short safe summary: "checked DATABASE_URL", "not configured", "2 problems".</summary>
    public string Note { get; }
}
