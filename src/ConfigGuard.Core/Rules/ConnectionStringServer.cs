using System;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// The server a key=value connection string (ADO.NET, ODBC, Npgsql, MySQL) names: Server=, Data Source=, Host=,
/// Address=. Written by hand: DbConnectionStringBuilder is not available to every target of Core, and only the server
/// is needed here.
/// </summary>
internal static class ConnectionStringServer
{
    private static readonly Regex Server = new(
        @"(?:^|[;:])\s*(?:server|data\s+source|datasource|host|hostname|address|addr|network\s+address)\s*=\s*(?<server>[^;]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, CredentialPattern.RegexTimeout);

    /// <summary>The server named in the value, or null when it names none.</summary>
    public static string? Of(string value)
    {
        Match m;
        try { m = Server.Match(value); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!m.Success) return null;
        var s = m.Groups["server"].Value.Trim().Trim('\'', '"');
        return s.Length == 0 ? null : SecretByName.HostOf(s);
    }

    /// <summary>
    /// A Password= in a connection string whose server is the developer's machine (localhost, (localdb), '.', an
    /// address) or, outside staging and production, a compose service name: a throwaway credential.
    /// </summary>
    public static bool GuardsALocalServer(string value, CredentialMatch m, EnvironmentClass environment)
    {
        if (!m.Pattern.Id.StartsWith("connection-string-", StringComparison.Ordinal)) return false;
        var server = Of(value);
        if (server is null) return false;
        if (ValueReference.InPart(server)) return true;
        return HostFacts.IsLocal(server) || (!environment.IsDeployable() && HostFacts.IsDeploymentLocal(server));
    }
}
