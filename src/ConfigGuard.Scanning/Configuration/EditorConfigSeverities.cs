using ConfigGuard.Scanning.Discovery;
// Hand-written: reading `dotnet_diagnostic.<ID>.severity` from .editorconfig needs only sections and key/value
// pairs, and no .editorconfig library is served here. The CLI honours the same keys the compiler does, so one
// file sets severities for the IDE, `dotnet build` and `configguard check`.
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Scanning.Configuration;

public sealed class EditorConfigSeverities
{
    private readonly string _root;
    private readonly Dictionary<string, List<EditorConfigFile>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public EditorConfigSeverities(string root) => _root = root;

    /// <summary>Severity for a rule in a repository-relative file, or null when no .editorconfig says anything.</summary>
    public Severity? For(string relativePath, string ruleId)
    {
        var key = "dotnet_diagnostic." + ruleId.ToLowerInvariant() + ".severity";
        Severity? result = null;
        foreach (var file in Chain(relativePath))
        {
            var rel = file.Directory.Length == 0 ? relativePath : relativePath[(file.Directory.Length + 1)..];
            foreach (var section in file.Sections)
            {
                if (section.Values.TryGetValue(key, out var v) && section.Glob.IsMatch(rel) && SeverityNames.TryParse(v, out var s)) result = s;
            }
        }
        return result;
    }

    /// <summary>The .editorconfig files that apply to a path, outermost first, stopping at `root = true`.</summary>
    private List<EditorConfigFile> Chain(string relativePath)
    {
        var dir = relativePath.Contains('/') ? relativePath[..relativePath.LastIndexOf('/')] : "";
        lock (_gate)
        {
            if (_chains.TryGetValue(dir, out var cached)) return cached;
            var chain = new List<EditorConfigFile>();
            var d = dir;
            while (true)
            {
                var f = Load(d);
                if (f is not null)
                {
                    chain.Insert(0, f);
                    if (f.IsRoot) break;
                }
                if (d.Length == 0) break;
                d = d.Contains('/') ? d[..d.LastIndexOf('/')] : "";
            }
            _chains[dir] = chain;
            return chain;
        }
    }

    private EditorConfigFile? Load(string dir)
    {
        if (_files.TryGetValue(dir, out var f)) return f;
        var path = Path.Combine(_root, dir, ".editorconfig");
        f = File.Exists(path) && RepositoryContainment.WhyOutside(_root, path) is null ? EditorConfigFile.Parse(dir, SafeRead(path)) : null;
        _files[dir] = f;
        return f;
    }

    private static string SafeRead(string path)
    {
        // Only a regular file, read up to the scan's size cap: a FIFO or a link to /dev/zero here must not hang or exhaust memory.
        var read = Discovery.RegularFile.Read(path, RegularFile.DefaultMaxBytes);
        return read.Outcome == Discovery.RegularFile.Outcome.Read ? read.Decode(out _) ?? "" : "";
    }

    private sealed class EditorConfigFile
    {
        public string Directory { get; private init; } = "";
        public bool IsRoot { get; private set; }
        public List<(Glob Glob, Dictionary<string, string> Values)> Sections { get; } = new();

        public static EditorConfigFile Parse(string dir, string text)
        {
            var file = new EditorConfigFile { Directory = dir };
            Dictionary<string, string>? current = null;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';') continue;
                if (line[0] == '[' && line.EndsWith(']'))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    file.Sections.Add((new Glob(line[1..^1]), current));
                    continue;
                }
                int eq = line.IndexOf('=');
                if (eq <= 0) continue;
                var k = line[..eq].Trim().ToLowerInvariant();
                var v = line[(eq + 1)..].Trim();
                if (current is null)
                {
                    if (k == "root" && v.Equals("true", StringComparison.OrdinalIgnoreCase)) file.IsRoot = true;
                }
                else current[k] = v;
            }
            return file;
        }
    }
}
