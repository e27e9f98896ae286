using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// The part of CG0006 that finds a developer's endpoint in production (rules/endpoints.yaml localEndpoints):
/// <list type="bullet">
/// <item>a host only a developer's machine has, under any key: (localdb), host.docker.internal, DESKTOP-1A2B3C4;</item>
/// <item>a SQL Server developer instance: Server=.\SQLEXPRESS, MYPC\SQLEXPRESS01, (localdb)\MSSQLLocalDB;</item>
/// <item>loopback (localhost, 127.0.0.1) only under a key whose value is used away from the app's machine: a
/// browser-bundled variable, a CORS origin, an OAuth redirect, the app's public URL. A database or cache on
/// localhost is left alone: production may run it beside the app (one VPS, a Cloud SQL proxy, a sidecar).</item>
/// </list>
/// Listen and bind keys, ports, and sidecar/agent keys (OTLP collector, Dapr, StatsD) are local by design. A value
/// inherited from a base file counts when production's own file does not override it; for .env bases only the
/// developer-machine hosts count, since build scripts often copy the environment's file over .env.
/// The instance is read from the raw server (AddHosts drops what follows the backslash); written by hand for that.
/// </summary>
internal static class LocalEndpointInProduction
{
    private static readonly Regex ServerSegment = new(
        @"(?:^|;)\s*(?:server|data\s+source|datasource|address|addr|network\s+address)\s*=\s*(?<server>[^;]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, CredentialPattern.RegexTimeout);

    /// <summary>The local endpoints in one production entry: (offset in the value, length, host text, why it is a fault).</summary>
    public static IReadOnlyList<(int Index, int Length, string Text, string Why)> Find(EffectiveEntry e, FindingSink sink)
    {
        var catalog = sink.Pack.Endpoints.LocalEndpoints;
        if (catalog.LocalByDesignKeys.Matches(e.NormalizedKey)) return Array.Empty<(int, int, string, string)>();
        var found = Candidates(e, sink, catalog).ToList();
        // A placeholder names no endpoint. Asked last, of a value that names a local one: the check (a dozen whole-value
        // patterns) costs more than the search, and most production values name none.
        return found.Count == 0 || sink.Pack.Keys.IsPlaceholder(e.NormalizedKey, e.Value) ? Array.Empty<(int, int, string, string)>() : found;
    }

    private static IEnumerable<(int Index, int Length, string Text, string Why)> Candidates(EffectiveEntry e, FindingSink sink, LocalEndpointCatalog catalog)
    {
        bool inheritedDotEnv = e.Inherited && e.File.Format == ConfigFormat.DotEnv;

        var instance = DevelopmentInstance(e.Value, catalog);
        if (instance is { } i)
        {
            yield return (i.Index, i.Length, e.Value.Substring(i.Index, i.Length), "a SQL Server developer instance on one person's machine");
            yield break;
        }
        bool remoteUse = catalog.RemoteUseKeys.Matches(e.NormalizedKey) && !inheritedDotEnv;
        bool any = false;
        foreach (var part in sink.EndpointsIn(e))
        {
            if (part.Kind != EndpointPartKind.Host) continue;
            if (catalog.IsDevelopmentHost(part.Text))
            {
                any = true;
                yield return (part.Index, part.Length, part.Text, "a host only a developer's machine or Docker Desktop has");
            }
            else if (remoteUse && catalog.IsLoopback(part.Text))
            {
                any = true;
                yield return (part.Index, part.Length, part.Text, Loopback);
            }
        }
        if (any || !remoteUse) yield break;
        // A list of origins or redirect URLs (https://shop.acme.com,http://localhost:3000) reads as one URL with a host
        // list to the endpoint extractor; each URL of the list is looked at here.
        MatchCollection urls;
        try { urls = UrlHost.Matches(e.Value); }
        catch (RegexMatchTimeoutException) { yield break; }
        foreach (Match m in urls)
        {
            var host = m.Groups["host"];
            if (catalog.IsLoopback(host.Value)) yield return (host.Index, host.Length, host.Value, Loopback);
        }
    }

    private const string Loopback = "the loopback address, which for a browser or another machine is its own computer, not this server";

    private static readonly Regex UrlHost = new(@"[a-z][a-z0-9+.-]*://(?:[^@/\s,;]*@)?(?<host>\[[0-9a-f:.]+\]|[^:/\s,;?#]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, CredentialPattern.RegexTimeout);

    // Server=.\SQLEXPRESS; Data Source=MYPC\SQLEXPRESS01; Server=(localdb)\MSSQLLocalDB: the server with its instance.
    private static (int Index, int Length)? DevelopmentInstance(string value, LocalEndpointCatalog catalog)
    {
        if (value.IndexOf('\\') < 0 || value.IndexOf('=') < 0) return null;
        Match m;
        try { m = ServerSegment.Match(value); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!m.Success) return null;
        var g = m.Groups["server"];
        var server = g.Value.Trim();
        int slash = server.IndexOf('\\');
        if (slash < 0) return null;
        var inst = server.Substring(slash + 1);
        int comma = inst.IndexOf(',');
        if (comma >= 0) inst = inst.Substring(0, comma);
        if (!catalog.IsDevelopmentInstance(inst)) return null;
        int start = g.Index + g.Value.IndexOf(server, StringComparison.Ordinal);
        return (start, server.Length);
    }
}
