using System.Collections.Generic;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0011: a kustomize overlay for one environment that deploys into another's namespace, ships another's image tag,
/// names its objects with another's prefix/suffix, or names another's cluster or kube-context (labels, CLUSTER/CONTEXT
/// keys; a cluster only when one side is production and the other not, since non-production environments share
/// clusters). Values are read token by token as declared environments are (shop-production, prod-latest, staging-);
/// values the overlay inherits from a base are reported at the base line.
/// </summary>
public sealed class KustomizeOverlayAimedElsewhereRule : IViewRule
{
    public string Id => "CG0011";

    public void Analyze(EnvironmentView view, FindingSink sink)
    {
        if (view.Primary.Parsed is not KustomizationParsedFile k) return;
        if (view.Class is EnvironmentClass.Unknown or EnvironmentClass.Base or EnvironmentClass.Template) return;
        var names = sink.Pack.Environments;
        var seen = new HashSet<(string, int)>();

        void Check(string what, string key, string value, string path, SourceSpan span, string judged)
        {
            var cls = names.ClassifyValue(judged);
            if (cls is EnvironmentClass.Unknown or EnvironmentClass.Base or EnvironmentClass.Template || cls == view.Class) return;
            // One cluster commonly hosts every non-production environment (a dev or nonprod cluster running dev, int and
            // staging side by side, each in its own namespace): a cluster matters only across the production boundary.
            if (what == "cluster" && (cls == EnvironmentClass.Production) == (view.Class == EnvironmentClass.Production)) return;
            if (!seen.Add((path, span.Start))) return;
            var where = KustomizePaths.IsUnder(path, k.Build.Directory) ? view.Name : $"{view.Name} (through {RepoPath.FileName(view.Primary.Path)}, inherited from {path})";
            sink.Report(Id, path, span, key, view.Name,
                $"{what} {SafeEcho.Quote(value)} names {cls.ToName()}, but this overlay deploys {where} ({view.Primary.Environment.Reason}); use {view.Name}'s own {what}",
                value, value);
        }

        foreach (var r in k.Build.Resources)
        {
            if (r.NamespaceNode is { } ns) Check("namespace", "namespace", ns.Value, ns.Path, ns.ValueSpan, ns.Value);
            foreach (var c in r.Containers())
            {
                if (c.GetScalar("image") is not { } image || KustomizeImages.Tag(image.Value) is not { } tag) continue;
                Check("image tag", "images", image.Value, image.Path, image.ValueSpan, tag);
            }
        }
        foreach (var affix in k.Build.NameAffixes) Check("name prefix/suffix", "namePrefix", affix.Value, affix.Path, affix.ValueSpan, affix.Value);
        foreach (var label in k.Build.Labels)
        {
            if (NamesCluster(label.Key)) Check("cluster", label.Key, label.Value.Value, label.Value.Path, label.Value.ValueSpan, label.Value.Value);
        }
        foreach (var e in view.Entries)
        {
            if (NamesCluster(e.Key)) Check("cluster", e.Key, e.Value, e.File.Path, e.Entry.ValueSpan, e.Value);
        }
    }

    /// <summary>A key that names a cluster or kube-context: CLUSTER_NAME, kube-context, example.com/cluster.</summary>
    private static bool NamesCluster(string key)
    {
        foreach (var t in WordTokens.Tokenize(key))
        {
            if (t is "cluster" or "context" or "kubecontext") return true;
        }
        return false;
    }
}
