using System.Text.Json;
using ConfigGuard.Core.Engine;
using ConfigGuard.Scanning.Errors;

namespace ConfigGuard.Scanning;

/// <summary>Reads and writes `.configguard-baseline.json` (<see cref="Baseline"/>, whose reading and matching are Core's).</summary>
public static class BaselineFile
{
    public static void Save(Baseline baseline, string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "configguard");
        w.WriteNumber("version", 1);
        w.WriteString("note", "Findings accepted when the gate was adopted; configguard check fails only on findings not listed here. Regenerate with: configguard baseline create");
        w.WriteStartArray("findings");
        foreach (var e in baseline.Entries)
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", e.Fingerprint);
            w.WriteString("ruleId", e.RuleId);
            w.WriteString("path", e.Path);
            if (e.Key is not null) w.WriteString("key", e.Key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <exception cref="UsageException">The file is missing, unreadable or not a baseline.</exception>
    /// <param name="userNamed">--baseline named it: a symbolic link is followed (to a regular file only); the default file at the root never is.</param>
    public static Baseline Load(string path, bool userNamed = false)
    {
        var read = Discovery.RegularFile.Read(path, ScanSession.DefaultMaxFileBytes, followLinks: userNamed);
        if (read.Outcome != Discovery.RegularFile.Outcome.Read)
            throw new UsageException($"{path}: error: cannot read baseline: {read.Describe(ScanSession.DefaultMaxFileBytes)}", path, detail: "cannot read baseline: " + read.Describe(ScanSession.DefaultMaxFileBytes));
        var text = read.Decode(out var problem)
            ?? throw new UsageException($"{path}: error: cannot read baseline: {problem}", path, detail: "cannot read baseline: " + problem);
        return Baseline.Parse(text, out var error, out var line)
            ?? throw new UsageException($"{path}{(line > 0 ? ":" + line : "")}: error: {error}", path, line, 0, error);
    }
}
