using System;
using System.Collections.Generic;
using System.Text;

namespace ConfigGuard.Core.Comparison;

/// <summary>
/// What `diff` may show of an ADO.NET-style connection string (`Server=..;Database=..;User ID=..;Password=..`) kept
/// under a key that names a secret (`ConnectionStrings:Default`): default-deny per pair. A pair's value is shown only
/// when its keyword is one the providers document as an address, a name or a switch (Server, Host, Database, User ID,
/// Port, Encrypt, AccountName...); every other value, a password, an AccountKey or a keyword nobody listed, becomes
/// `****`. Without this the row is redacted whole and the database name, the one thing a reader compares, is lost.
/// Hand-written: DbConnectionStringBuilder would parse it, but it rewrites quoting and spacing, and the shown text must
/// stay the file's own so a reader can find it.
/// </summary>
public static class ConnectionStringDisplay
{
    private static readonly HashSet<string> ShownKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "hostname", "datasource", "address", "addr", "networkaddress", "port",
        "database", "initialcatalog", "db", "dbname", "attachdbfilename",
        "userid", "user", "username", "uid", "integratedsecurity", "trustedconnection",
        "encrypt", "trustservercertificate", "sslmode", "ssl", "pooling", "minpoolsize", "maxpoolsize",
        "timeout", "connecttimeout", "connectiontimeout", "commandtimeout", "multipleactiveresultsets",
        "applicationname", "applicationintent", "multisubnetfailover", "persistsecurityinfo", "searchpath",
        "schema", "charset", "characterset", "includeerrordetail", "keepalive", "tcpkeepalive",
        "defaultendpointsprotocol", "accountname", "endpointsuffix", "blobendpoint", "queueendpoint",
        "tableendpoint", "fileendpoint", "endpoint", "sharedaccesskeyname", "entitypath", "protocol",
        "authsource", "replicaset", "provider", "driver", "dsn", "failoverpartner",
    };

    /// <summary>The connection string with every pair outside the shown keywords masked; null when it is not one.</summary>
    public static string? Mask(string value)
    {
        if (value.IndexOf(';') < 0 || value.IndexOf('=') < 0) return null;
        var parts = value.Split(';');
        var sb = new StringBuilder(value.Length);
        bool addressed = false;
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) sb.Append(';');
            var part = parts[i];
            if (part.Trim().Length == 0) { sb.Append(part); continue; }
            int eq = part.IndexOf('=');
            if (eq <= 0) return null; // not keyword=value: not a connection string we can read pair by pair
            var keyword = Keyword(part.Substring(0, eq));
            if (keyword.Length == 0) return null;
            if (ShownKeywords.Contains(keyword))
            {
                if (keyword is "server" or "host" or "datasource" or "address" or "addr" or "networkaddress" or "accountname" or "endpoint" or "blobendpoint")
                    addressed = true;
                // Endpoint=sb://user:pass@host: a URL's userinfo is masked here too.
                sb.Append(part.IndexOf("://", StringComparison.Ordinal) > 0 ? Redaction.UrlRedaction.RedactUserInfo(part) : part);
            }
            else
            {
                sb.Append(part, 0, eq + 1).Append(Redaction.UrlRedaction.Mask);
            }
        }
        return addressed ? sb.ToString() : null;
    }

    private static string Keyword(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '_' or '-' or '\t') continue;
            else return "";
        }
        return sb.ToString();
    }
}
