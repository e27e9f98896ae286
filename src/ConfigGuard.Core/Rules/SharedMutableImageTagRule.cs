using System;
using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0017: a staging and a production kustomize overlay render the same image under a tag that moves (latest, a branch
/// such as main or develop; the list is rules/environments.yaml mutableImageTags). Whatever is pushed for
/// staging then runs in production at its next restart: the two environments are not separated by release. Digests and
/// version or commit tags never match; a reference with a substitution slot (${TAG}, #{Tag}) is filled in elsewhere.
/// Reported where production's image value is written (the base line when both inherit it, once).
/// </summary>
public sealed class SharedMutableImageTagRule : IPairRule
{
    public string Id => "CG0017";

    public void Analyze(EnvironmentPair pair, FindingSink sink)
    {
        if (pair.Staging.Primary.Parsed is not KustomizationParsedFile staging) return;
        if (pair.Production.Primary.Parsed is not KustomizationParsedFile production) return;
        var names = sink.Pack.Environments;
        var inStaging = new Dictionary<string, YamlTreeScalar>(StringComparer.Ordinal);
        foreach (var image in Images(staging.Build))
        {
            if (MutableTag(image.Value, names) is not null && !inStaging.ContainsKey(image.Value)) inStaging[image.Value] = image;
        }
        if (inStaging.Count == 0) return;
        var seen = new HashSet<(string, int)>();
        foreach (var image in Images(production.Build))
        {
            if (!inStaging.TryGetValue(image.Value, out var s) || MutableTag(image.Value, names) is not { } tag) continue;
            if (!seen.Add((image.Path, image.ValueSpan.Start))) continue;
            var what = $"the moving tag {SafeEcho.Quote(tag)}";
            var shared = s.Path == image.Path && s.ValueSpan.Start == image.ValueSpan.Start;
            var message = shared
                ? $"image {SafeEcho.Quote(image.Value)} with {what} reaches both {pair.Staging.Name} and {pair.Production.Name} from here: whatever is pushed for {pair.Staging.Name} runs in {pair.Production.Name} at its next restart; pin a version or digest in {pair.Production.Name}'s overlay (images: newTag or digest)"
                : $"{pair.Production.Name} runs image {SafeEcho.Quote(image.Value)} with {what}, the same moving image {pair.Staging.Name} runs ({s.Path}:{s.ValueSpan.StartLine}): whatever is pushed for {pair.Staging.Name} runs in {pair.Production.Name} at its next restart; pin a version or digest";
            var related = shared ? null : new[] { new RelatedLocation(s.Path, s.ValueSpan, $"{pair.Staging.Name} runs the same image") };
            sink.Report(Id, image.Path, image.ValueSpan, "image", pair.Production.Name, message, image.Value, image.Value, related);
        }
    }

    private static IEnumerable<YamlTreeScalar> Images(KustomizeBuild build)
    {
        foreach (var r in build.Resources)
        {
            foreach (var c in r.Containers())
            {
                if (c.GetScalar("image") is { IsNull: false } image && image.Value.Length > 0) yield return image;
            }
        }
    }

    /// <returns>The moving tag, or null when the reference is pinned, has no tag, or is filled in elsewhere.</returns>
    internal static string? MutableTag(string image, EnvironmentNames names)
    {
        if (image.IndexOf('@') >= 0) return null;
        foreach (var slot in new[] { "${", "$(", "{{", "#{", "<", "%" }) if (image.Contains(slot)) return null;
        if (image.IndexOfAny(new[] { ' ', '\t' }) >= 0) return null;
        // No tag at all is latest to the kubelet, but in a committed tree it is mostly a slot a build tool fills in at
        // deploy time (skaffold, Cloud Deploy, `kustomize edit set image` in CI): not reported.
        var tag = KustomizeImages.Tag(image);
        return tag is not null && names.IsMutableImageTag(tag) ? tag : null;
    }
}
