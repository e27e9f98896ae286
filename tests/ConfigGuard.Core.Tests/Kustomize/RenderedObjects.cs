using System.Text;
using ConfigGuard.Core.Kustomize;
using YamlDotNet.RepresentationModel;

namespace ConfigGuard.Core.Tests.Kustomize;

/// <summary>
/// The facts a parity test compares, taken from real `kubectl kustomize` output or from the in-process model:
/// per object "Kind/name" -> namespace, data (Secret data decoded) and container images.
/// </summary>
internal sealed record RenderedObject(string Kind, string Name, string? Namespace, SortedDictionary<string, string> Data, List<string> Images);

internal static class RenderedObjects
{
    public static Dictionary<string, RenderedObject> FromKubectlOutput(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new Dictionary<string, RenderedObject>();
        foreach (var doc in stream.Documents)
        {
            if (doc.RootNode is not YamlMappingNode root) continue;
            var kind = Str(root, "kind")!;
            var meta = (YamlMappingNode)root.Children[new YamlScalarNode("metadata")];
            var name = Str(meta, "name")!;
            var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.Children.TryGetValue(new YamlScalarNode("data"), out var d) && d is YamlMappingNode dm)
            {
                foreach (var (k, v) in dm.Children)
                {
                    var value = ((YamlScalarNode)v).Value ?? "";
                    if (kind == "Secret") value = Encoding.UTF8.GetString(Convert.FromBase64String(value));
                    data[((YamlScalarNode)k).Value!] = value;
                }
            }
            var images = new List<string>();
            Collect(root, images);
            images.Sort(StringComparer.Ordinal);
            result[kind + "/" + name] = new RenderedObject(kind, name, Str(meta, "namespace"), data, images);
        }
        return result;
    }

    public static Dictionary<string, RenderedObject> FromModel(KustomizeBuild build)
    {
        var result = new Dictionary<string, RenderedObject>();
        foreach (var r in build.Resources)
        {
            var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in r.DataEntries())
            {
                if (r.Kind == "Secret" && r.Tree.GetMap("stringData")?.Get(e.Key) is not null && r.Tree.GetMap("data")?.Get(e.Key) is null) continue;
                data[e.Key] = e.Value;
            }
            var images = r.Containers().Select(c => c.GetString("image")).Where(i => i is not null).Select(i => i!).ToList();
            images.Sort(StringComparer.Ordinal);
            result[r.Kind + "/" + r.Name] = new RenderedObject(r.Kind, r.Name, r.Namespace, data, images);
        }
        return result;
    }

    private static string? Str(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static void Collect(YamlNode node, List<string> images)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    var key = ((YamlScalarNode)k).Value;
                    if ((key == "containers" || key == "initContainers") && v is YamlSequenceNode seq)
                    {
                        foreach (var c in seq.Children.OfType<YamlMappingNode>())
                            if (Str(c, "image") is { } img) images.Add(img);
                    }
                    else Collect(v, images);
                }
                break;
            case YamlSequenceNode s:
                foreach (var c in s.Children) Collect(c, images);
                break;
        }
    }

    /// <summary>Asserts that two renderings agree on object names (hash suffix included), namespaces, data and images.</summary>
    public static void AssertSame(Dictionary<string, RenderedObject> expected, Dictionary<string, RenderedObject> actual, string what)
    {
        Xunit.Assert.True(expected.Keys.OrderBy(k => k).SequenceEqual(actual.Keys.OrderBy(k => k)),
            $"{what}: objects differ\nexpected: {string.Join(", ", expected.Keys.OrderBy(k => k))}\nactual:   {string.Join(", ", actual.Keys.OrderBy(k => k))}");
        foreach (var (id, e) in expected)
        {
            var a = actual[id];
            Xunit.Assert.True(e.Namespace == a.Namespace, $"{what}: {id} namespace: expected '{e.Namespace}', got '{a.Namespace}'");
            Xunit.Assert.Equal(e.Data, a.Data);
            Xunit.Assert.Equal(e.Images, a.Images);
        }
    }
}
