namespace ConfigGuard.Core.Comparison;

/// <summary>One key of an environment diff. Values are display values: secrets and passwords already redacted.</summary>
/// <param name="Key">The key as the config spells it.</param>
/// <param name="Left">The left environment's display value; null when it does not set the key.</param>
/// <param name="Right">The right environment's display value; null when it does not set the key.</param>
/// <param name="Status">How the key compares: on one side only, shared, same or different.</param>
/// <param name="InheritedByBoth">Both sides take the value from the same base file entry.</param>
/// <param name="SharedResource">For <see cref="DiffStatus.Shared"/>: the resource, described safely ("bucket 'acme'", "the same secret value").</param>
public sealed record DiffRow(string Key, string? Left, string? Right, DiffStatus Status, bool InheritedByBoth, string? SharedResource);
