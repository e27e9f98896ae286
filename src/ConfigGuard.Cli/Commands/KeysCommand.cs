using System.CommandLine;
using System.Text.Json;
using ConfigGuard.Cli.Code;
using ConfigGuard.Cli.Output;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Rules;
using ConfigGuard.Scanning;

namespace ConfigGuard.Cli.Commands;

/// <summary>
/// `configguard keys [PATH]`: every key the C# under PATH reads (from syntax, see <see cref="CodeProjects"/>) against each
/// environment: provided (a value in the repository), secret store (secretKeyRef, envFrom a Secret, Key Vault reference),
/// missing, open (the environment may get it from a source the repository does not show), or default/optional when the
/// read does not need it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var path = new Argument<string[]>("path") { Description = "Folders holding the C# projects and their config (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "Path to configguard.yaml" };
        var cmd = new Command("keys", "List the configuration keys the code reads and what each environment provides") { path, format, config };
        cmd.SetAction(parse =>
        {
            var session = ScanSession.Open(parse.GetValue(path) ?? Array.Empty<string>(), parse.GetValue(config));
            var outcome = session.Run(ScanSession.DefaultMaxFileBytes);
            // Each project group against the environments under its config root (as `check` and the build compare them).
            var rows = new List<(ConfigKeyRead Read, Dictionary<string, string> Status)>();
            var names = new List<string>();
            var codeNotices = new List<Notice>();
            foreach (var group in CodeProjects.ReadInBackground(session.Root, session.Discover().Discovery.ProjectFiles, codeNotices).GetAwaiter().GetResult())
            {
                var environments = EnvironmentKeys.From(CodeProjects.Scope(outcome.Result, group).Views, group.Facts);
                foreach (var e in environments.Where(e => !names.Contains(e.Name, StringComparer.Ordinal))) names.Add(e.Name);
                rows.AddRange(group.Facts.Reads
                    .GroupBy(r => (r.Key.ToUpperInvariant(), r.Kind == ConfigKeyReadKind.EnvironmentVariable))
                    .Select(g => g.OrderBy(r => r.Requirement).First())
                    .Select(r => (r, environments.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(e => e.Key, e => Status(e.First(), r), StringComparer.Ordinal))));
            }
            // A source left out (nested too deep to parse safely) is said on stderr, so that the table or JSON stays whole.
            foreach (var n in codeNotices)
                Console.Error.WriteLine($"{Untrusted.LineStart(n.Location)}: note: {Untrusted.Line(n.Message)}");
            rows = rows.OrderBy(r => r.Read.Key, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Read.Path, StringComparer.Ordinal).ToList();
            string StatusIn(Dictionary<string, string> status, string env) => status.TryGetValue(env, out var s) ? s : "-";
            if (parse.GetValue(format) == "json")
            {
                using var stream = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteStartArray("environments");
                foreach (var e in names) json.WriteStringValue(e);
                json.WriteEndArray();
                json.WriteStartArray("keys");
                foreach (var (r, status) in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("key", r.Key);
                    json.WriteString("kind", r.Kind.ToString());
                    json.WriteString("requirement", r.Requirement.ToString());
                    json.WriteBoolean("section", r.IsSection);
                    json.WriteString("path", r.Path);
                    json.WriteNumber("line", r.Span.StartLine);
                    if (r.Via is not null) json.WriteString("via", r.Via);
                    json.WriteStartObject("environments");
                    foreach (var e in names) json.WriteString(e, StatusIn(status, e));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                return 0;
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("no configuration keys read by C# code under " + Untrusted.Line(string.Join(", ", session.Paths.Select(p => Path.GetRelativePath(session.Root, p)))));
                return 0;
            }
            var header = new[] { "KEY", "READ AT", "NEEDS" }.Concat(names.Select(e => e.ToUpperInvariant())).ToList();
            var table = rows.Select(row => new[]
            {
                row.Read.Kind == ConfigKeyReadKind.EnvironmentVariable ? "$" + row.Read.Key : row.Read.Key + (row.Read.IsSection ? ":*" : ""),
                $"{row.Read.Path}:{row.Read.Span.StartLine}",
                row.Read.Requirement switch { ConfigKeyRequirement.Required => "required", ConfigKeyRequirement.Defaulted => "default", _ => "optional" },
            }.Concat(names.Select(e => StatusIn(row.Status, e))).Select(Untrusted.Line).ToArray()).ToList();
            var widths = header.Select((h, i) => Math.Min(60, Math.Max(h.Length, table.Max(row => row[i].Length)))).ToList();
            Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            foreach (var row in table) Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            return 0;
        });
        return cmd;
    }

    /// <summary>provided / secret store / missing / open, for one environment and one read.</summary>
    private static string Status(EnvironmentKeySet env, ConfigKeyRead read)
    {
        if (env.Find(read) is { } k) return k.By == ProvidedBy.SecretStore ? "secret store" : "provided";
        if (env.MayProvideUnseen(read)) return "open";
        if (read.Kind == ConfigKeyReadKind.EnvironmentVariable && !env.SetsVariables) return "-";
        return read.Requirement == ConfigKeyRequirement.Required ? "missing" : "default";
    }
}
