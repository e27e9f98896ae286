using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Catalog;

/// <summary>
/// Which local endpoints are a fault in production (rules/endpoints.yaml localEndpoints): hosts only a developer's
/// machine has (LocalDB, host.docker.internal, DESKTOP-XXXXXXX), SQL Server's developer instances (SQLEXPRESS), and
/// loopback under keys whose value is used away from the app's own machine (a CORS origin, a browser-bundled URL).
/// </summary>
public sealed class LocalEndpointCatalog
{
    public static readonly LocalEndpointCatalog Empty = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    private readonly Regex? _developmentHosts;
    private readonly Regex? _developmentInstances;
    private readonly Regex? _loopback;

    public LocalEndpointCatalog(IReadOnlyList<string> developmentHosts, IReadOnlyList<string> developmentInstances, IReadOnlyList<string> loopbackHosts,
        IReadOnlyList<string> remoteUseKeys, IReadOnlyList<string> localByDesignKeys)
    {
        DevelopmentHostPatterns = developmentHosts;
        DevelopmentInstancePatterns = developmentInstances;
        LoopbackHostPatterns = loopbackHosts;
        RemoteUseKeyPatterns = remoteUseKeys;
        LocalByDesignKeyPatterns = localByDesignKeys;
        _developmentHosts = WholeValue(developmentHosts);
        _developmentInstances = WholeValue(developmentInstances);
        _loopback = WholeValue(loopbackHosts);
        RemoteUseKeys = new KeyPatternSet(remoteUseKeys);
        LocalByDesignKeys = new KeyPatternSet(localByDesignKeys);
    }

    public IReadOnlyList<string> DevelopmentHostPatterns { get; }
    public IReadOnlyList<string> DevelopmentInstancePatterns { get; }
    public IReadOnlyList<string> LoopbackHostPatterns { get; }
    public IReadOnlyList<string> RemoteUseKeyPatterns { get; }
    public IReadOnlyList<string> LocalByDesignKeyPatterns { get; }
    public KeyPatternSet RemoteUseKeys { get; }
    public KeyPatternSet LocalByDesignKeys { get; }

    /// <summary>A host only a developer's machine has: (localdb), host.docker.internal, DESKTOP-1A2B3C4.</summary>
    public bool IsDevelopmentHost(string host) => Matches(_developmentHosts, host.Trim());

    /// <summary>A SQL Server instance name of a developer edition (SQLEXPRESS, MSSQLLocalDB).</summary>
    public bool IsDevelopmentInstance(string instance) => Matches(_developmentInstances, instance.Trim());

    /// <summary>localhost, 127.x.x.x, ::1.</summary>
    public bool IsLoopback(string host) => Matches(_loopback, host.Trim());

    private static Regex? WholeValue(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0) return null;
        var parts = new List<string>();
        foreach (var p in patterns) parts.Add("(?:" + p + ")");
        return new Regex("^(?:" + string.Join("|", parts) + ")$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CredentialPattern.RegexTimeout);
    }

    private static bool Matches(Regex? r, string v)
    {
        if (r is null || v.Length == 0 || v.Length > 253) return false;
        try { return r.IsMatch(v); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
