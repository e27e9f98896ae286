using System;
using System.Collections.Generic;
using System.Linq;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Kustomize;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0018: a staging and a production kustomize overlay that would overwrite each other on one cluster. Two cases, each
/// with the evidence a careful reader uses before calling it a collision:
/// <list type="bullet">
/// <item>the same kind and name in the same namespace, written out (in the base or an overlay) on most of staging's
/// workloads: applying staging replaces production's object;</item>
/// <item>the overlays live in different namespaces (so they share a cluster) and two Services claim the same nodePort,
/// a port of every node of the cluster: the second environment to deploy fails, or takes the first one's port.</item>
/// </list>
/// Overlays for different clusters may share every name: a scan whose folders name clusters (clusters/, a Flux or
/// Argo CD layout), overlays whose names carry different regions or clusters (ocp4-stage, moc-prod), or a namespace
/// filled in at deploy time (${NAMESPACE}, #{Namespace}) are not reported. One finding per pair, on staging's side.
/// </summary>
public sealed class KustomizeOverlaysCollideRule : IPairRule
{
    public string Id => "CG0018";

    public void Analyze(EnvironmentPair pair, FindingSink sink)
    {
        if (pair.Staging.Primary.Parsed is not KustomizationParsedFile staging) return;
        if (pair.Production.Primary.Parsed is not KustomizationParsedFile production) return;
        if (NamesClusters(sink) || DifferentQualifiers(pair, sink) || Flux(staging.Build) || Flux(production.Build)) return;
        // One builds on the other (a base that declares an environment): not two deployments side by side.
        if (production.Build.FilesRead.Contains(staging.Build.KustomizationPath) || staging.Build.FilesRead.Contains(production.Build.KustomizationPath)) return;
        if (SameObject(pair, staging.Build, production.Build, sink)) return;
        SameNodePort(pair, staging.Build, production.Build, sink);
    }

    private bool SameObject(EnvironmentPair pair, KustomizeBuild staging, KustomizeBuild production, FindingSink sink)
    {
        if (!PlacesItsWorkloads(staging)) return false;
        var prod = new Dictionary<(string, string, string), KustomizeResource>();
        foreach (var r in production.Resources)
        {
            if (KustomizeBuilder.IsClusterScoped(r.Kind) || r.Kind.Length == 0 || r.Name.Length == 0) continue;
            prod[(r.Kind, r.Name, Namespace(r))] = r;
        }
        KustomizeResource? first = null;
        int count = 0;
        foreach (var r in staging.Resources)
        {
            if (KustomizeBuilder.IsClusterScoped(r.Kind) || r.Kind.Length == 0 || r.Name.Length == 0) continue;
            var ns = Namespace(r);
            if (!prod.TryGetValue((r.Kind, r.Name, ns), out var p)) continue;
            // Written out on at least one side: an object without a namespace goes where the deploy tool says.
            if (string.IsNullOrEmpty(r.Namespace) && string.IsNullOrEmpty(p.Namespace)) continue;
            if (IsSlot(ns) || IsSlot(r.Name)) continue;
            count++;
            if (first is null || (!KustomizeResource.IsWorkload(first.Kind) && KustomizeResource.IsWorkload(r.Kind))) first = r;
        }
        if (first is null) return false;
        // A staging namespace that names another environment (shop-production) is CG0011's: one mistake, one finding.
        var named = sink.Pack.Environments.ClassifyValue(Namespace(first));
        if (named != pair.Staging.Class && named is EnvironmentClass.Production or EnvironmentClass.Development or EnvironmentClass.Test) return false;
        var at = first.NamespaceNode is { } node && !node.ValueSpan.IsEmpty ? node : staging.ResourcesField;
        if (at is null) return false;
        var nsText = Namespace(first);
        var more = count > 1 ? $" (and {count - 1} more {(count == 2 ? "object" : "objects")})" : "";
        var how = string.IsNullOrEmpty(first.Namespace) ? $"{pair.Staging.Name} sets no namespace, so it lands in 'default' where {pair.Production.Name} deploys" : $"both deploy into namespace {SafeEcho.Quote(nsText)}";
        sink.Report(Id, at.Path, at.ValueSpan, "namespace", pair.Staging.Name,
            $"{pair.Staging.Name} and {pair.Production.Name} render the same {first.Kind} {SafeEcho.Quote(first.Name)}{more}: {how}, so on one cluster applying {pair.Staging.Name} replaces {pair.Production.Name}'s; give {pair.Staging.Name} its own namespace or name suffix (if they deploy to different clusters, name the cluster in the folder path)",
            first.Kind + "/" + first.Name + "@" + nsText, nsText);
        return true;
    }

    /// <summary>
    /// Most of the build's workloads have a namespace written out: the overlay itself says where the app runs. When most
    /// go where the deploy tool says (kubectl -n, an Argo CD destination), the few with a fixed namespace are per-cluster
    /// add-ons (a node exporter in its system namespace), and the tool may as well aim each overlay at its own cluster.
    /// </summary>
    private static bool PlacesItsWorkloads(KustomizeBuild build)
    {
        int workloads = 0, placed = 0;
        foreach (var r in build.Resources)
        {
            if (!KustomizeResource.IsWorkload(r.Kind)) continue;
            workloads++;
            if (!string.IsNullOrEmpty(r.Namespace)) placed++;
        }
        return workloads > 0 && placed * 2 > workloads;
    }

    private void SameNodePort(EnvironmentPair pair, KustomizeBuild staging, KustomizeBuild production, FindingSink sink)
    {
        var stagingNs = Namespaces(staging);
        var productionNs = Namespaces(production);
        // Different namespaces written out on both sides: the team separates the environments inside one cluster.
        if (stagingNs.Count == 0 || productionNs.Count == 0 || stagingNs.Overlaps(productionNs)) return;
        var prod = new Dictionary<string, YamlTreeScalar>(StringComparer.Ordinal);
        foreach (var port in NodePorts(production)) if (!prod.ContainsKey(port.Value)) prod[port.Value] = port;
        foreach (var port in NodePorts(staging))
        {
            if (!prod.TryGetValue(port.Value, out var p)) continue;
            var related = new[] { new RelatedLocation(p.Path, p.ValueSpan, $"{pair.Production.Name} claims it here") };
            sink.Report(Id, port.Path, port.ValueSpan, "nodePort", pair.Staging.Name,
                $"{pair.Staging.Name} and {pair.Production.Name} both claim nodePort {port.Value}, a port of every node of the cluster their namespaces share: the second to deploy fails, or {pair.Staging.Name} takes the port {pair.Production.Name}'s clients use; give {pair.Staging.Name} its own port",
                port.Value, port.Value, p.Path == port.Path && p.ValueSpan.Start == port.ValueSpan.Start ? null : related);
            return;
        }
    }

    private static IEnumerable<YamlTreeScalar> NodePorts(KustomizeBuild build)
    {
        foreach (var r in build.Resources)
        {
            if (r.Kind != "Service" || r.Tree.GetMap("spec")?.GetSequence("ports") is not { } ports) continue;
            foreach (var item in ports.Items.OfType<YamlTreeMap>())
            {
                if (item.GetScalar("nodePort") is { IsNull: false } n && n.Value.Length > 0 && n.Value.All(char.IsDigit)) yield return n;
            }
        }
    }

    private static HashSet<string> Namespaces(KustomizeBuild build)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in build.Resources)
        {
            if (!KustomizeBuilder.IsClusterScoped(r.Kind) && !string.IsNullOrEmpty(r.Namespace) && !IsSlot(r.Namespace!)) set.Add(r.Namespace!);
        }
        return set;
    }

    private static string Namespace(KustomizeResource r) => string.IsNullOrEmpty(r.Namespace) ? "default" : r.Namespace!;

    private static bool IsSlot(string value) => value.Contains("${") || value.Contains("#{") || value.Contains("{{") || value.Contains("$(");

    /// <summary>Flux objects: apps/staging and apps/production reconciled by each cluster's own Flux (clusters/&lt;env&gt;).</summary>
    private static bool Flux(KustomizeBuild build) => build.Resources.Any(r => r.ApiVersion.IndexOf("toolkit.fluxcd.io", StringComparison.Ordinal) >= 0);

    /// <summary>A scanned folder named cluster or clusters (clusters/prod/...): environments may each have their own.</summary>
    private static bool NamesClusters(FindingSink sink) => ClusterFolders.GetValue(sink, s => new StrongBox(ScanNamesClusters(s))).Value;

    private sealed class StrongBox
    {
        public StrongBox(bool value) => Value = value;
        public bool Value { get; }
    }

    // Once per scan, not once per pair.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FindingSink, StrongBox> ClusterFolders = new();

    private static bool ScanNamesClusters(FindingSink sink)
    {
        foreach (var f in sink.Files)
        {
            if (HasClusterFolder(f.Path)) return true;
        }
        return false;
    }

    /// <summary>A path segment "clusters" or "cluster" (any case), read in place: every file of a scan is asked.</summary>
    internal static bool HasClusterFolder(string path)
    {
        for (int at = path.IndexOf("cluster", StringComparison.OrdinalIgnoreCase); at >= 0; at = path.IndexOf("cluster", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at > 0 && path[at - 1] != '/') continue;
            int end = at + "cluster".Length;
            if (end < path.Length && (path[end] == 's' || path[end] == 'S')) end++;
            if (end == path.Length || path[end] == '/') return true;
        }
        return false;
    }

    /// <summary>staging-eu and prod-us, ocp4-stage and moc-prod: names that say where, and say different places.</summary>
    private static bool DifferentQualifiers(EnvironmentPair pair, FindingSink sink)
    {
        var names = sink.Pack.Environments;
        var s = new HashSet<string>(names.Qualifiers(pair.Staging.Name), StringComparer.OrdinalIgnoreCase);
        var p = new HashSet<string>(names.Qualifiers(pair.Production.Name), StringComparer.OrdinalIgnoreCase);
        return (s.Count > 0 || p.Count > 0) && !s.SetEquals(p);
    }
}
