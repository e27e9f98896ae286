using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Cli.Commands;

/// <summary>A host `init` saw in production config: proposed for `production: hosts:`, or left out and why.</summary>
internal sealed record HostChoice(string Host, string SeenAt, string? LeftOutBecause)
{
    public bool Proposed => LeftOutBecause is null;
}

/// <summary>
/// Which hosts `configguard init` proposes as production's own. Listing a host in `production: hosts:` makes every
/// non-production use of it a CG0002, so a host is proposed only when production alone uses it: multi-tenant
/// provider hosts (o1.ingest.sentry.io serves staging's Sentry project too) and hosts another environment's config
/// already uses are left out, with the reason, so the first correct staging commit after init is not refused.
/// </summary>
internal static class ProductionHostProposal
{
    private static readonly Regex BareHost = new(@"^(?<host>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)(?::\d+)?$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    private static readonly EnvironmentClass[] OtherDeployed = { EnvironmentClass.Staging, EnvironmentClass.Development, EnvironmentClass.Test };

    public static List<HostChoice> From(IReadOnlyList<ConfigFile> files, RulePack pack)
    {
        var production = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var elsewhere = new Dictionary<string, (string Env, string At)>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var cls = f.Environment.Class;
            bool prod = cls == EnvironmentClass.Production;
            if (!prod && !OtherDeployed.Contains(cls)) continue;
            foreach (var e in f.Parsed.Entries)
            {
                // Printed into YAML comments and the terminal: no control character from a file name gets through.
                var at = string.Concat($"{e.SourcePath ?? f.Path}:{e.ValueSpan.StartLine}".Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c));
                foreach (var host in Hosts(e.Key, e.Value))
                {
                    if (prod) production.TryAdd(host, at);
                    else elsewhere.TryAdd(host, (cls.ToName(), at));
                }
            }
        }
        var choices = new List<HostChoice>();
        foreach (var (host, at) in production)
        {
            string? why = pack.Keys.Resources.IsProviderHost(host)
                ? "a provider's multi-tenant host (other projects and environments use it too)"
                : elsewhere.TryGetValue(host, out var other) ? $"{other.Env} uses it too ({other.At})" : null;
            choices.Add(new HostChoice(host, at, why));
        }
        return choices;
    }

    private static IEnumerable<string> Hosts(string key, string value)
    {
        if (value is not { Length: > 0 }) yield break;
        // Hosts as UrlParts reads them: the last '@' before the host ends the userinfo, so no piece of a password
        // (redis://:Hj5@Wq9/x@host) is taken for a host and written into configguard.yaml.
        foreach (var url in UrlParts.FindAll(value))
        {
            foreach (var item in url.Hosts(value).Split(','))
            {
                int colon = item.IndexOf(':');
                var host = colon >= 0 ? item.Substring(0, colon) : item;
                if (host.Length == 0 || host.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-'))) continue;
                if (Normalize(host) is { } h) yield return h;
            }
        }
        if (key.EndsWith("HOST", StringComparison.OrdinalIgnoreCase) || key.EndsWith("HOSTNAME", StringComparison.OrdinalIgnoreCase) || key.EndsWith(":Host", StringComparison.OrdinalIgnoreCase))
        {
            var bare = BareHost.Match(value.Trim());
            if (bare.Success && Normalize(bare.Groups["host"].Value) is { } h) yield return h;
        }
    }

    private static string? Normalize(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host == "localhost" || !host.Contains('.') || host.All(c => char.IsDigit(c) || c == '.')) return null;
        if (host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".svc", StringComparison.Ordinal) || host.Contains(".svc.", StringComparison.Ordinal)) return null;
        return host;
    }
}
