using System;
using System.Net;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// What a host-shaped piece of a value really is, decided the way the team that wrote the config meant it:
/// <list type="bullet">
/// <item>a listen address (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>[::]</c>, the empty host of <c>:8080</c>): where a server binds, no remote endpoint;</item>
/// <item>local (<c>localhost</c>, an IP, <c>host.docker.internal</c>, <c>*.local</c>, SQL Server's <c>.</c>, <c>(local)</c> and <c>(localdb)</c>): the machine or network the app runs on;</item>
/// <item>deployment-local (a name without a dot: <c>redis</c>, <c>postgres-service</c>): resolved inside each namespace or compose network, so the same name in two environments is two services;</item>
/// <item>not a host at all (<c>42</c>, <c>%HOST%</c>, <c>ops@acme.com</c>): anything that is not a DNS name or an address.</item>
/// </list>
/// Only what is left, a qualified remote name, identifies one shared thing. Written by hand: these are a few syntax
/// checks over RFC 1123 names, nothing a library would add.
/// </summary>
public static class HostFacts
{
    /// <summary>A DNS name (letters, digits, '-', '_', dot-separated, at least one letter) or an IP address.</summary>
    public static bool IsHostName(string host)
    {
        if (host.Length == 0 || host.Length > 253) return false;
        if (IPAddress.TryParse(host.Trim('[', ']'), out _) && LooksLikeAddress(host)) return true;
        bool letter = false;
        foreach (var label in host.TrimEnd('.').Split('.'))
        {
            if (label.Length == 0 || label.Length > 63) return false;
            foreach (var c in label)
            {
                if (char.IsLetter(c)) letter = true;
                else if (!char.IsDigit(c) && c != '-' && c != '_') return false;
            }
        }
        return letter;
    }

    /// <summary>A bind address rather than a destination: <c>0.0.0.0</c>, <c>::</c>, <c>*</c>, <c>+</c>, or nothing before the port.</summary>
    public static bool IsListenAddress(string host)
    {
        var h = host.Trim();
        return h.Length == 0 || h is "*" or "+" or "0.0.0.0" or "::" or "[::]" or "0" or "[::0]" or "::0";
    }

    /// <summary>The machine or private network the app runs on: loopback and private names, any IP, SQL Server's local forms.</summary>
    public static bool IsLocal(string host)
    {
        var h = host.Trim();
        return h.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || h.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || h.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            || h.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase)
            || h.Equals("gateway.docker.internal", StringComparison.OrdinalIgnoreCase)
            || h.Equals("host.containers.internal", StringComparison.OrdinalIgnoreCase)
            || h == "."
            || h.Equals("(localdb)", StringComparison.OrdinalIgnoreCase) || h.Equals("(local)", StringComparison.OrdinalIgnoreCase)
            || h.Equals("localdb", StringComparison.OrdinalIgnoreCase)
            || IsListenAddress(h)
            || (IPAddress.TryParse(h.Trim('[', ']'), out _) && LooksLikeAddress(h));
    }

    /// <summary>A name without a dot (<c>redis</c>, <c>db</c>, <c>postgres-service</c>): each namespace, compose network or search domain resolves it to its own service.</summary>
    public static bool IsDeploymentLocal(string host)
    {
        var h = host.Trim().TrimEnd('.');
        return h.Length > 0 && h.IndexOf('.') < 0 && h.IndexOf(':') < 0 && !h.StartsWith("[", StringComparison.Ordinal);
    }

    /// <summary>A qualified remote host name: the only kind of host that can be one shared resource or a production endpoint by itself.</summary>
    public static bool IsRemoteName(string host) =>
        IsHostName(host) && !IsLocal(host) && !IsDeploymentLocal(host) && !ValueReference.InPart(host) && !IsReservedStandIn(host);

    /// <summary>
    /// A name under the TLD reserved never to resolve (RFC 2606/6761: .invalid): a stand-in an overlay replaces
    /// (grafana.example.invalid), never a machine two environments could share. (.example is left alone: examples and
    /// tests use it for hosts that stand for real ones.)
    /// </summary>
    public static bool IsReservedStandIn(string host) => host.TrimEnd('.').EndsWith(".invalid", System.StringComparison.OrdinalIgnoreCase);

    // IPAddress.TryParse accepts "3000" (an integer address) and "1.2": only dotted quads and IPv6 count here.
    private static bool LooksLikeAddress(string host)
    {
        var h = host.Trim('[', ']');
        if (h.IndexOf(':') >= 0) return true;
        int dots = 0;
        foreach (var c in h)
        {
            if (c == '.') dots++;
            else if (!char.IsDigit(c)) return false;
        }
        return dots == 3;
    }
}
