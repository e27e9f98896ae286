using System.Collections.Generic;

namespace ConfigGuard.Core.Checklist;

/// <summary>One row of the safety checklist: what it asks, and which rules (and which resource classes of keys) back it.</summary>
public sealed class ChecklistItem
{
    public ChecklistItem(string id, string title, IReadOnlyList<string> rules, IReadOnlyList<string> resourceClasses)
    {
        Id = id;
        Title = title;
        Rules = rules;
        ResourceClasses = resourceClasses;
    }

    /// <summary>Stable identifier (JSON output, CI scripts): environment, database, redis, ...</summary>
    public string Id { get; }
    public string Title { get; }
    public IReadOnlyList<string> Rules { get; }
    /// <summary>For isolation rows: the key classes of rules/keys.yaml <c>resourceKeys</c> whose CG0005/CG0002 findings fail the row.</summary>
    public IReadOnlyList<string> ResourceClasses { get; }
}
