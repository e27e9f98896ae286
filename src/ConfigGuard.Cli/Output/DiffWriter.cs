using System.Text.Json;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Comparison;

namespace ConfigGuard.Cli.Output;

/// <summary>Side-by-side key comparison of two environments, as text columns or JSON. Values arrive redacted.</summary>
internal static class DiffWriter
{
    public static void WriteText(IReadOnlyList<EnvironmentDiff> diffs, string left, string right, TextWriter w)
    {
        foreach (var d in diffs)
        {
            w.WriteLine($"{Untrusted.LineStart(d.Left.Primary.Path)} ({Untrusted.Line(d.Left.Name)})  <->  {Untrusted.Line(d.Right.Primary.Path)} ({Untrusted.Line(d.Right.Name)}{(d.Right.IsImplicit ? ", implicit" : "")})");
            int keyWidth = Math.Max(3, d.Rows.Count == 0 ? 3 : d.Rows.Max(r => Untrusted.Line(SafeEcho.Key(r.Key)).Length));
            int leftWidth = Math.Max(left.Length, d.Rows.Count == 0 ? 0 : d.Rows.Max(r => Cell(r.Left).Length));
            int rightWidth = Math.Max(right.Length, d.Rows.Count == 0 ? 0 : d.Rows.Max(r => Cell(r.Right).Length));
            w.WriteLine($"  {"KEY".PadRight(keyWidth)}  {left.ToUpperInvariant().PadRight(leftWidth)}  {right.ToUpperInvariant().PadRight(rightWidth)}  STATUS");
            foreach (var r in d.Rows)
            {
                w.WriteLine($"  {Untrusted.Line(SafeEcho.Key(r.Key)).PadRight(keyWidth)}  {Cell(r.Left).PadRight(leftWidth)}  {Cell(r.Right).PadRight(rightWidth)}  {Untrusted.Line(Status(r, left, right))}".TrimEnd());
            }
            w.WriteLine($"  {d.Rows.Count} keys: {d.Count(DiffStatus.OnlyLeft)} only in {left}, {d.Count(DiffStatus.OnlyRight)} only in {right}, {d.Count(DiffStatus.Shared)} shared, {d.Count(DiffStatus.Same)} same, {d.Count(DiffStatus.Different)} different");
            w.WriteLine();
        }
    }

    public static void WriteJson(IReadOnlyList<EnvironmentDiff> diffs, string left, string right, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteString("left", left);
        w.WriteString("right", right);
        w.WriteStartArray("pairs");
        foreach (var d in diffs)
        {
            w.WriteStartObject();
            w.WriteString("leftConfig", Untrusted.Json(d.Left.Primary.Path));
            w.WriteString("rightConfig", Untrusted.Json(d.Right.Primary.Path));
            w.WriteStartArray("keys");
            foreach (var r in d.Rows)
            {
                w.WriteStartObject();
                w.WriteString("key", Untrusted.Json(SafeEcho.Key(r.Key)));
                if (r.Left is not null) w.WriteString("left", Untrusted.Json(r.Left)); else w.WriteNull("left");
                if (r.Right is not null) w.WriteString("right", Untrusted.Json(r.Right)); else w.WriteNull("right");
                w.WriteString("status", r.Status switch
                {
                    DiffStatus.OnlyLeft => "onlyLeft",
                    DiffStatus.OnlyRight => "onlyRight",
                    DiffStatus.Shared => "shared",
                    DiffStatus.Same => "same",
                    _ => "different",
                });
                w.WriteBoolean("inheritedByBoth", r.InheritedByBoth);
                if (r.SharedResource is not null) w.WriteString("sharedResource", Untrusted.Json(r.SharedResource));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Values are never cut: they arrive redacted and at most DiffValueDisplay.MaxShown long, and the part a cut
    // loses (a connection string's database, a URL's path) is what a reader compares.
    private static string Cell(string? value) => value is null ? "-" : Untrusted.Line(value);

    private static string Status(DiffRow r, string left, string right) => r.Status switch
    {
        DiffStatus.OnlyLeft => $"missing in {right}",
        DiffStatus.OnlyRight => $"missing in {left}",
        DiffStatus.Shared => $"SHARED: {r.SharedResource}{(r.InheritedByBoth ? " (from the base file)" : "")}",
        DiffStatus.Same => r.InheritedByBoth ? "same (base file)" : "same",
        _ => "different",
    };
}
