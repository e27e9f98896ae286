using System.Collections.Generic;
using System.Linq;

namespace ConfigGuard.Core.Checklist;

/// <summary>The safety checklist of one environment class over a scanned tree.</summary>
public sealed class ChecklistReport
{
    public ChecklistReport(string environment, IReadOnlyList<string> configs, IReadOnlyList<ChecklistRow> rows)
    {
        Environment = environment;
        Configs = configs;
        Rows = rows;
    }

    /// <summary>The environment class checked: staging, production, ...</summary>
    public string Environment { get; }
    /// <summary>The primary files of the views checked (.env.staging, appsettings.Staging.json).</summary>
    public IReadOnlyList<string> Configs { get; }
    public IReadOnlyList<ChecklistRow> Rows { get; }
    public bool Passed => Rows.All(r => r.Passed);
    public int FailedCount => Rows.Count(r => !r.Passed);
}
