using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Comparison;

/// <summary>Two views of one group (same folder or base) compared key by key.</summary>
public sealed class EnvironmentDiff
{
    public EnvironmentDiff(EnvironmentView left, EnvironmentView right, IReadOnlyList<DiffRow> rows)
    {
        Left = left;
        Right = right;
        Rows = rows;
    }

    public EnvironmentView Left { get; }
    public EnvironmentView Right { get; }
    public IReadOnlyList<DiffRow> Rows { get; }

    public int Count(DiffStatus status) => Rows.Count(r => r.Status == status);
}
