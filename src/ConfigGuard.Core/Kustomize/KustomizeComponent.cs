using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// A `kind: Component` kustomization is evaluated through the kustomization that lists it under `components:`, on that
/// kustomization's objects, never alone: its patches may target objects only the including overlay has, so building it
/// on its own would report failures kustomize never sees. Nor is it deployed on its own (no environment view).
/// </summary>
internal static class KustomizeComponent
{
    public static bool Is(string path, string text, YamlTreeCache cache)
    {
        var loaded = cache.Peek(path, text);
        return loaded.Documents.Count > 0 && loaded.Documents[0] is YamlTreeMap map && map.GetString("kind") == "Component";
    }

    /// <summary>
    /// A component no kustomization of the scan includes is still read alone, for what its files say (values, syntax,
    /// notes); what only the including kustomization could decide (a patch target, a base to merge into) is dropped.
    /// </summary>
    public static KustomizeBuild Detached(KustomizeBuild alone)
    {
        alone.Problems.RemoveAll(p => p.Kind is KustomizeProblemKind.Build or KustomizeProblemKind.NoEffect);
        return alone;
    }
}
