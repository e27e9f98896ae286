using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Parsing;

namespace ConfigGuard.Core.Kustomize;

/// <summary>
/// String fields of a kustomization that kustomize refuses when the YAML makes them a number or a boolean (`newTag: 1.20`,
/// `namespace: 2024`, a label value `yes`): it reads YAML 1.1 (go-yaml v2) into JSON and unmarshals into Go strings, so
/// the whole kustomization fails ("cannot unmarshal number into ... of type string", checked with kubectl v5.5.0).
/// Reports each such unquoted value; quoting it fixes the build.
/// </summary>
internal static class KustomizationFieldTypes
{
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    };

    // YAML 1.1 ints (decimal, octal, hex, binary, with `_`) and floats (with exponent, `.5`, .inf, .nan).
    private static readonly Regex Number = new(
        @"^(?:[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>"a number" / "a boolean" when a plain scalar is not a string to YAML 1.1, else null.</summary>
    public static string? NonStringType(YamlTreeScalar s)
    {
        if (!s.IsPlain || s.IsNull) return null;
        if (Booleans.Contains(s.Value)) return "a boolean";
        try { return Number.IsMatch(s.Value) ? "a number" : null; }
        catch (RegexMatchTimeoutException) { return null; }
    }

    /// <summary>Every string field of <paramref name="root"/> that YAML reads as a number or boolean, with the field's name.</summary>
    public static IEnumerable<(string Field, YamlTreeScalar Value, string Type)> Check(YamlTreeMap root)
    {
        foreach (var field in new[] { "namespace", "namePrefix", "nameSuffix" })
        {
            if (root.GetScalar(field) is { } s && NonStringType(s) is { } t) yield return (field, s, t);
        }
        foreach (var field in new[] { "commonLabels", "commonAnnotations" })
        {
            foreach (var e in root.GetMap(field)?.Entries ?? new List<YamlTreeMapEntry>())
                if (e.Value is YamlTreeScalar s && NonStringType(s) is { } t) yield return ($"{field}.{e.Key}", s, t);
        }
        foreach (var item in (root.Get("labels") as YamlTreeSequence)?.Items ?? new List<YamlTreeNode>())
        {
            foreach (var e in (item as YamlTreeMap)?.GetMap("pairs")?.Entries ?? new List<YamlTreeMapEntry>())
                if (e.Value is YamlTreeScalar s && NonStringType(s) is { } t) yield return ($"labels.pairs.{e.Key}", s, t);
        }
        foreach (var item in (root.Get("images") as YamlTreeSequence)?.Items ?? new List<YamlTreeNode>())
        {
            if (item is not YamlTreeMap image) continue;
            foreach (var field in new[] { "name", "newName", "newTag", "digest" })
                if (image.GetScalar(field) is { } s && NonStringType(s) is { } t) yield return ($"images.{field}", s, t);
        }
    }
}
