namespace ConfigGuard.Core.Model;

/// <summary>
/// A staging-class view and the production view of the same group (same folder and family, or the same base file):
/// the two configurations that must not share resources. Built by <see cref="Engine.PairBuilder"/>.
/// </summary>
/// <param name="Staging">The staging-class view.</param>
/// <param name="Production">The production view of the same group.</param>
/// <param name="Group">What the two views share: "base:path/to/.env" or "dir|family" when there is no base file.</param>
public sealed record EnvironmentPair(EnvironmentView Staging, EnvironmentView Production, string Group)
{
    public override string ToString() => $"{Staging.Primary.Path} <-> {Production.Primary.Path}";
}
