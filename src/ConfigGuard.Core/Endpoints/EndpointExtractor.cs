using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Endpoints;

/// <summary>
/// Finds the hosts, database names and buckets a config value points at: URLs (scheme://user:pass@host:port/db),
/// ADO.NET/Npgsql-style connection strings (Host=...;Database=...), StackExchange.Redis strings (host:port,password=...),
/// and bare values of keys that name a host, database or bucket. Everything else in a value is ignored, which is
/// what keeps a label like "Production" or "product-service" out of CG0002.
/// </summary>
public static class EndpointExtractor
{
    private static readonly HashSet<string> DatabaseSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "sqlserver", "mssql", "jdbc:postgresql",
        "jdbc:mysql", "cockroachdb", "redis", "rediss", "amqp", "amqps", "clickhouse", "couchbase", "neo4j",
    };

    private static readonly HashSet<string> BucketSchemes = new(StringComparer.OrdinalIgnoreCase) { "s3", "gs", "az", "abfs", "abfss", "wasb", "wasbs" };

    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "server", "data source", "datasource", "address", "addr", "network address", "hostname", "endpoint",
    };

    private static readonly HashSet<string> DatabaseKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "database", "initial catalog", "db", "dbname", "defaultdatabase",
    };

    public static List<EndpointPart> Extract(string normalizedKey, string value, KeyCatalog keys)
    {
        var parts = new List<EndpointPart>();
        if (string.IsNullOrWhiteSpace(value) || value.Length > 8192) return parts;

        if (value.IndexOf("://", StringComparison.Ordinal) >= 0) ExtractUrls(value, parts);
        else if (value.IndexOf('=') > 0 && value.IndexOf(';') >= 0) ExtractConnectionString(value, parts);
        else if (LooksLikeRedisConfiguration(value)) ExtractRedisConfiguration(value, parts);

        if (parts.Count == 0)
        {
            var trimmed = value.Trim();
            int offset = value.IndexOf(trimmed, StringComparison.Ordinal);
            if (trimmed.IndexOf(' ') >= 0) return parts;
            if (keys.BucketKeys.Matches(normalizedKey)) parts.Add(new EndpointPart(EndpointPartKind.Bucket, trimmed, offset));
            else if (keys.DatabaseKeys.Matches(normalizedKey)) parts.Add(new EndpointPart(EndpointPartKind.Database, trimmed, offset));
            else if (keys.HostKeys.Matches(normalizedKey)) AddHosts(trimmed, offset, parts);
        }
        return Judgeable(parts);
    }

    /// <summary>
    /// Keeps what names an endpoint: drops deploy-time references (<c>${DB_HOST}</c>, <c>%HOST%</c>), text that is no
    /// host at all (<c>42</c> under N_HOSTS), listen addresses (<c>0.0.0.0</c>, <c>+</c>, <c>:8080</c>), bucket "names"
    /// that cannot be buckets (<c>42</c> under N_BUCKETS), and the database names of a local or bind-only server
    /// (localhost/prod is a developer's machine, not production).
    /// </summary>
    private static List<EndpointPart> Judgeable(List<EndpointPart> parts)
    {
        bool anyHost = false, allLocal = true;
        foreach (var p in parts)
        {
            if (p.Kind != EndpointPartKind.Host) continue;
            anyHost = true;
            if (!HostFacts.IsLocal(p.Text)) allLocal = false;
        }
        parts.RemoveAll(p => ValueReference.InPart(p.Text)
            || (p.Kind == EndpointPartKind.Host && (HostFacts.IsListenAddress(p.Text) || !(HostFacts.IsHostName(p.Text) || HostFacts.IsLocal(p.Text))))
            || (p.Kind == EndpointPartKind.Bucket && !IsBucketName(p.Text))
            || (p.Kind == EndpointPartKind.Database && !HasLetterOrDigit(p.Text))
            || (anyHost && allLocal && p.Kind != EndpointPartKind.Host));
        return parts;
    }

    /// <summary>What S3, GCS, Azure and InfluxDB accept as a bucket or container name, with at least one letter (42 is a count, not a bucket).</summary>
    public static bool IsBucketName(string name)
    {
        if (name.Length < 2 || name.Length > 255) return false;
        bool letter = false;
        foreach (var c in name)
        {
            if (char.IsLetter(c)) letter = true;
            else if (!char.IsDigit(c) && c != '-' && c != '_' && c != '.') return false;
        }
        return letter;
    }

    private static bool HasLetterOrDigit(string s)
    {
        foreach (var c in s) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static void ExtractUrls(string value, List<EndpointPart> parts)
    {
        foreach (var url in UrlParts.FindAll(value))
        {
            var scheme = url.Scheme(value);
            var hosts = url.Hosts(value);
            if (hosts.Length == 0) continue;
            if (BucketSchemes.Contains(scheme))
            {
                parts.Add(new EndpointPart(EndpointPartKind.Bucket, hosts, url.HostStart));
                continue;
            }
            AddHosts(hosts, url.HostStart, parts);
            var path = url.Path(value);
            if (path.Length > 1 && DatabaseSchemes.Contains(scheme))
            {
                var db = path.Substring(1);
                int slash = db.IndexOf('/');
                if (slash >= 0) db = db.Substring(0, slash);
                if (db.Length > 0) parts.Add(new EndpointPart(EndpointPartKind.Database, Uri.UnescapeDataString(db), url.PathStart + 1));
            }
        }
    }

    /// <summary>host1:port,host2 -> each host, with its offset; IPv6 in brackets kept whole.</summary>
    private static void AddHosts(string hostList, int offset, List<EndpointPart> parts)
    {
        int pos = 0;
        foreach (var item in hostList.Split(','))
        {
            var host = item;
            if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase)) { host = host.Substring(4); pos += 4; }
            int close = host.IndexOf(']');
            int colon = host.StartsWith("[", StringComparison.Ordinal) ? (close < 0 ? -1 : close + 1) : host.LastIndexOf(':');
            if (colon >= 0 && colon < host.Length) host = host.Substring(0, colon);
            int backslash = host.IndexOf('\\');
            if (backslash > 0) host = host.Substring(0, backslash);
            if (host.Length > 0) parts.Add(new EndpointPart(EndpointPartKind.Host, host, offset + pos));
            else parts.Add(new EndpointPart(EndpointPartKind.Host, "", offset + pos)); // ":8080": a listen address, dropped by Judgeable
            pos += item.Length + 1 - (item.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? 4 : 0);
        }
    }

    private static void ExtractConnectionString(string value, List<EndpointPart> parts)
    {
        int pos = 0;
        foreach (var segment in value.Split(';'))
        {
            int eq = segment.IndexOf('=');
            if (eq > 0)
            {
                var key = segment.Substring(0, eq).Trim();
                var raw = segment.Substring(eq + 1);
                var v = raw.Trim();
                int at = pos + eq + 1 + raw.IndexOf(v, StringComparison.Ordinal);
                if (v.Length > 0)
                {
                    if (HostKeys.Contains(key)) AddHosts(v, at, parts);
                    else if (DatabaseKeys.Contains(key)) parts.Add(new EndpointPart(EndpointPartKind.Database, v, at));
                }
            }
            pos += segment.Length + 1;
        }
    }

    // StackExchange.Redis: "prod-redis.internal:6379,password=...,ssl=True"
    private static bool LooksLikeRedisConfiguration(string value)
    {
        int comma = value.IndexOf(',');
        var first = comma < 0 ? value : value.Substring(0, comma);
        int colon = first.LastIndexOf(':');
        return comma > 0 && colon > 0 && colon < first.Length - 1 && IsDigits(first.Substring(colon + 1)) && first.IndexOf(' ') < 0;
    }

    private static void ExtractRedisConfiguration(string value, List<EndpointPart> parts)
    {
        int comma = value.IndexOf(',');
        AddHosts(value.Substring(0, comma), 0, parts);
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s) if (c < '0' || c > '9') return false;
        return s.Length > 0;
    }
}
