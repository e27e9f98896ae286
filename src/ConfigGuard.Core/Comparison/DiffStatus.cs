namespace ConfigGuard.Core.Comparison;

/// <summary>How one key compares between two environments.</summary>
public enum DiffStatus
{
    /// <summary>Set on the left only (missing on the right).</summary>
    OnlyLeft,
    /// <summary>Set on the right only (missing on the left).</summary>
    OnlyRight,
    /// <summary>Both point at the same resource (CG0005's comparison: same database, bucket, secret ...).</summary>
    Shared,
    /// <summary>Equal values, not a resource (LOG_FORMAT=json on both sides).</summary>
    Same,
    Different,
}
