namespace ConfigGuard.Core.Model;

/// <summary>
/// A staging-class view and the production view of the same group (same folder and family, or the same base file):
/// the two configurations that must not share resources. Built by <see cref="Engine.PairBuilder"/>.
/// </summary>
public sealed class EnvironmentPair
{
    public EnvironmentPair(EnvironmentView staging, EnvironmentView production, string group)
    {
        Staging = staging;
        Production = production;
        Group = group;
    }

    public EnvironmentView Staging { get; }
    public EnvironmentView Production { get; }
    /// <summary>What the two views share: "base:path/to/.env" or "dir|family" when there is no base file.</summary>
    public string Group { get; }

    public override string ToString() => $"{Staging.Primary.Path} <-> {Production.Primary.Path}";
}
