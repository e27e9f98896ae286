using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Redaction;
using ConfigGuard.Core.Text;

namespace ConfigGuard.Core.Resources;

/// <summary>
/// Reduces a resource value to what decides whether two environments share it:
/// <list type="bullet">
/// <item>data-store URLs (postgres://, redis://, mongodb://, amqp://...): scheme family, host(s), port (default filled in) and database (Redis: DB number, default 0). User, password and query are ignored.</item>
/// <item>bucket URLs (s3://name) and bucket keys: the bucket name.</item>
/// <item>Sentry-style DSNs: host and project (the key is ignored: two keys of one project are one project).</item>
/// <item>http(s) URLs: host and port; on a multi-tenant provider host (hooks.slack.com) the whole URL, as a secret.</item>
/// <item>connection strings (Host=...;Database=...) and StackExchange.Redis strings (host:port,defaultDatabase=2): host, port, database.</item>
/// <item>bare host keys (DB_HOST) together with their siblings (DB_PORT, DB_NAME).</item>
/// <item>channel keys (SLACK_CHANNEL): the channel name.</item>
/// <item>anything else: the exact value, as a secret (compared by SHA-256, never printed).</item>
/// </list>
/// Values that cannot be judged give null: empty, placeholders, deploy-time references (${VAR}) in the parts that
/// matter, local hosts (localhost in both environments is two developer machines, not a shared resource), switches and small numbers.
/// </summary>
public static class ResourceIdentifier
{
    private static readonly Dictionary<string, (string Family, int Port)> DataStoreSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["postgres"] = ("postgres", 5432), ["postgresql"] = ("postgres", 5432), ["pgsql"] = ("postgres", 5432),
        ["jdbc:postgresql"] = ("postgres", 5432), ["cockroachdb"] = ("postgres", 26257),
        ["mysql"] = ("mysql", 3306), ["mysql2"] = ("mysql", 3306), ["mariadb"] = ("mysql", 3306), ["jdbc:mysql"] = ("mysql", 3306),
        ["mongodb"] = ("mongodb", 27017), ["mongodb+srv"] = ("mongodb", 27017),
        ["sqlserver"] = ("sqlserver", 1433), ["mssql"] = ("sqlserver", 1433),
        ["redis"] = ("redis", 6379), ["rediss"] = ("redis", 6379), ["valkey"] = ("redis", 6379),
        ["amqp"] = ("amqp", 5672), ["amqps"] = ("amqp", 5671),
        ["clickhouse"] = ("clickhouse", 9000), ["couchbase"] = ("couchbase", 8091), ["neo4j"] = ("neo4j", 7687),
        ["nats"] = ("nats", 4222), ["kafka"] = ("kafka", 9092), ["memcached"] = ("memcached", 11211),
    };

    private static readonly HashSet<string> BucketSchemes = new(StringComparer.OrdinalIgnoreCase) { "s3", "s3a", "gs", "az", "abfs", "abfss", "wasb", "wasbs" };

    private static readonly HashSet<string> ConnectionHostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "server", "data source", "datasource", "address", "addr", "network address", "hostname", "endpoint",
    };

    private static readonly HashSet<string> ConnectionDatabaseKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "database", "initial catalog", "db", "dbname", "defaultdatabase",
    };

    private static readonly HashSet<string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null",
    };

    /// <param name="normalizedKey">The key, normalized (<see cref="Model.KeyNames.Normalize"/>).</param>
    /// <param name="value">The value as the config sets it.</param>
    /// <param name="sibling">Looks up another key of the same environment (DB_PORT next to DB_HOST); may be null.</param>
    /// <param name="checkPlaceholder">False: a placeholder is identified like any value, and the caller asks
    /// <see cref="KeyCatalog.IsPlaceholder(string, string)"/> of the trimmed value itself when it matters.</param>
    public static ResourceIdentity? Identify(string normalizedKey, string value, KeyCatalog keys, Func<string, string?>? sibling = null, bool checkPlaceholder = true)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 8192 || (checkPlaceholder && keys.IsPlaceholder(normalizedKey, v))) return null;

        if (v.IndexOf("://", StringComparison.Ordinal) > 0) return FromUrl(normalizedKey, v, keys);
        if (v.IndexOf('=') > 0 && v.IndexOf(';') >= 0) return FromConnectionString(v);
        if (LooksLikeRedisConfiguration(v)) return FromRedisConfiguration(v);
        if (IsReference(v)) return null;

        if (keys.BucketKeys.Matches(normalizedKey)) return FromBucketKey(normalizedKey, v, sibling);
        if (keys.HostKeys.Matches(normalizedKey) && !keys.SecretKeys.Matches(normalizedKey)) return FromHostKey(normalizedKey, v, keys, sibling);
        if (keys.DatabaseKeys.Matches(normalizedKey) && !keys.SecretKeys.Matches(normalizedKey)) return null; // judged with its host key
        if (normalizedKey.IndexOf("CHANNEL", StringComparison.Ordinal) >= 0)
        {
            var channel = v.TrimStart('#').ToLowerInvariant();
            return new ResourceIdentity("channel", "channel|" + channel, $"channel '#{channel}'", isSecret: false);
        }
        if (Switches.Contains(v) || (v.Length < 8 && v.All(char.IsDigit)) || v.Length < 6) return null;
        if (!keys.SecretKeys.Matches(normalizedKey) && IsHostList(v)) return FromHostKey(normalizedKey, v, keys, sibling); // KAFKA_BROKERS=kafka-01,kafka-02
        return Secret(v);
    }

    /// <summary>A deploy-time reference (${VAR}, $(VAR), %VAR%, {{ .Values.x }}, #{Token}#) rather than a literal (<see cref="ValueReference"/>).</summary>
    public static bool IsReference(string value) => ValueReference.IsReference(value);

    private static bool Unjudgeable(string part) => ValueReference.InPart(part);

    /// <summary>
    /// The hosts that can be one shared thing: qualified remote names. Local hosts, listen addresses and names without
    /// a dot (an in-cluster or compose service, resolved inside each deployment) are left out; none left means the
    /// value names no shared resource.
    /// </summary>
    private static List<(string Host, int? Port)> Shared(List<(string Host, int? Port)> hosts) =>
        hosts.Where(h => HostFacts.IsRemoteName(h.Host)).ToList();

    private static ResourceIdentity Secret(string v) =>
        new("secret", "secret|" + Redactor.Hash(v), "the same secret value", isSecret: true);

    private static ResourceIdentity? FromUrl(string normalizedKey, string v, KeyCatalog keys)
    {
        var urls = UrlParts.FindAll(v);
        if (urls.Count == 0 || urls[0].Start != 0) return IsReference(v) ? null : Secret(v);
        var url = urls[0];
        var scheme = url.Scheme(v).ToLowerInvariant();
        var hostList = url.Hosts(v);
        var path = url.Path(v);

        if (BucketSchemes.Contains(scheme))
        {
            if (hostList.Length == 0 || Unjudgeable(hostList)) return null;
            return new ResourceIdentity("bucket", "bucket|" + hostList.ToLowerInvariant(), $"bucket '{hostList}'", isSecret: false);
        }

        var hosts = SplitHosts(hostList);
        if (hosts.Count == 0 || hosts.Any(h => Unjudgeable(h.Host))) return null;
        hosts = Shared(hosts);
        if (hosts.Count == 0) return null;

        if (DataStoreSchemes.TryGetValue(scheme, out var store))
        {
            var db = FirstSegment(path);
            if (store.Family == "redis")
            {
                db = db.Length == 0 ? "0" : db;
                var query = url.Query(v);
                var dbParam = Regex.Match(query, @"(?:^|&)db=(?<n>\d+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, CredentialPattern.RegexTimeout);
                if (path.Length <= 1 && dbParam.Success) db = dbParam.Groups["n"].Value;
            }
            if (Unjudgeable(db)) return null;
            return Endpoint(store.Family == "redis" ? "redis" : "database", store.Family, hosts, store.Port, Uri.UnescapeDataString(db));
        }

        int defaultPort = scheme switch { "https" => 443, "http" => 80, _ => 0 };
        var first = hosts[0];
        bool provider = hosts.All(h => keys.Resources.IsProviderHost(h.Host));
        bool hasUserInfo = url.UserInfoLength > 0;
        if (hasUserInfo && (normalizedKey.EndsWith("DSN", StringComparison.Ordinal) || first.Host.IndexOf("sentry", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            // Sentry DSN: https://<key>@o1.ingest.sentry.io/<project>: the project is the resource.
            var project = LastSegment(path);
            if (project.Length == 0 || Unjudgeable(project)) return null;
            var host = first.Host.ToLowerInvariant();
            return new ResourceIdentity("dsn", $"dsn|{host}|{project}", $"error-tracking project {project} on {host}", isSecret: false);
        }
        if (provider)
        {
            // A public multi-tenant host (rules/endpoints.yaml): the host is everybody's; only the tenant part counts.
            if (IsReference(v)) return null;
            var tenant = keys.Resources.MultiTenantFor(first.Host)!;
            switch (tenant.Tenant)
            {
                case TenantPart.Path:
                    return path.Trim('/').Length == 0 ? null : Secret(v);
                case TenantPart.FirstPath:
                case TenantPart.LastPath:
                    var segment = tenant.Tenant == TenantPart.FirstPath ? FirstSegment(path) : LastSegment(path);
                    if (segment.Length == 0 || Unjudgeable(segment)) return null;
                    return new ResourceIdentity("tenant", $"tenant|{tenant.Host}|{segment.ToLowerInvariant()}", $"{tenant.Provider} tenant '{segment}'", isSecret: false);
                default:
                    return hasUserInfo && keys.SecretKeys.Matches(normalizedKey) ? Secret(v) : null;
            }
        }
        if (keys.SecretKeys.Matches(normalizedKey))
        {
            // A webhook URL or another URL under a secret key: the tenant is in the path or the credentials.
            if (IsReference(v)) return null;
            return Secret(v);
        }
        var hostKey = string.Join(",", hosts.Select(h => h.Host.ToLowerInvariant() + ":" + (h.Port ?? defaultPort)).OrderBy(s => s, StringComparer.Ordinal));
        var shown = string.Join(",", hosts.Select(h => h.Port is { } p && p != defaultPort ? $"{h.Host}:{p}" : h.Host));
        return new ResourceIdentity("url", "url|" + hostKey, $"host {shown}", isSecret: false);
    }

    private static ResourceIdentity Endpoint(string kind, string family, List<(string Host, int? Port)> hosts, int defaultPort, string database)
    {
        var hostKey = string.Join(",", hosts.Select(h => h.Host.ToLowerInvariant() + ":" + (h.Port ?? defaultPort)).OrderBy(s => s, StringComparer.Ordinal));
        var shown = string.Join(",", hosts.Select(h => (h.Port ?? defaultPort) is var port && port > 0 ? $"{h.Host}:{port}" : h.Host));
        var label = family is "sql" or "host" ? "" : family + " ";
        var description = kind == "redis"
            ? $"Redis {shown} DB {database}"
            : database.Length > 0 ? $"{label}database '{database}' on {shown}" : $"{label}server {shown}";
        return new ResourceIdentity(kind, $"{kind}|{family}|{hostKey}|{database.ToLowerInvariant()}", description, isSecret: false);
    }

    private static ResourceIdentity? FromConnectionString(string v)
    {
        var hosts = new List<(string Host, int? Port)>();
        string database = "";
        int? port = null;
        foreach (var segment in v.Split(';'))
        {
            int eq = segment.IndexOf('=');
            if (eq <= 0) continue;
            var key = segment.Substring(0, eq).Trim();
            var val = segment.Substring(eq + 1).Trim();
            if (val.Length == 0) continue;
            if (ConnectionHostKeys.Contains(key)) hosts.AddRange(SplitHosts(val));
            else if (ConnectionDatabaseKeys.Contains(key)) database = val;
            else if (key.Equals("port", StringComparison.OrdinalIgnoreCase) && int.TryParse(val, out var p)) port = p;
        }
        if (hosts.Count == 0 || hosts.Any(h => Unjudgeable(h.Host)) || Unjudgeable(database)) return null;
        hosts = Shared(hosts);
        if (hosts.Count == 0) return null;
        if (port is { } explicitPort) hosts = WithPort(hosts, explicitPort);
        return Endpoint("database", "sql", hosts, 0, database);
    }

    // StackExchange.Redis: "cache.internal:6379,password=...,ssl=True,defaultDatabase=2"
    private static bool LooksLikeRedisConfiguration(string value)
    {
        int comma = value.IndexOf(',');
        var first = comma < 0 ? value : value.Substring(0, comma);
        int colon = first.LastIndexOf(':');
        return comma > 0 && colon > 0 && colon < first.Length - 1 && first.Substring(colon + 1).All(char.IsDigit) && first.IndexOf(' ') < 0;
    }

    private static ResourceIdentity? FromRedisConfiguration(string v)
    {
        var parts = v.Split(',');
        var hosts = parts.Where(p => p.IndexOf('=') < 0).SelectMany(SplitHosts).ToList();
        if (hosts.Count == 0 || hosts.Any(h => Unjudgeable(h.Host))) return null;
        hosts = Shared(hosts);
        if (hosts.Count == 0) return null;
        var db = parts.Select(p => p.Split('=')).Where(kv => kv.Length == 2 && kv[0].Trim().Equals("defaultDatabase", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim()).FirstOrDefault() ?? "0";
        return Endpoint("redis", "redis", hosts, 6379, db);
    }

    private static ResourceIdentity? FromHostKey(string normalizedKey, string v, KeyCatalog keys, Func<string, string?>? sibling)
    {
        if (v.IndexOf(' ') >= 0) return null;
        var hosts = Shared(SplitHosts(v));
        if (hosts.Count == 0) return null;
        if (hosts.All(h => keys.Resources.IsProviderHost(h.Host))) return null;
        var prefix = Prefix(normalizedKey);
        int? port = null;
        string database = "";
        if (sibling is not null)
        {
            if (int.TryParse(sibling(prefix + "PORT")?.Trim(), out var p)) port = p;
            foreach (var suffix in new[] { "NAME", "DB", "DATABASE", "DB_NAME", "DATABASE_NAME", "DBNAME" })
            {
                var d = sibling(prefix + suffix)?.Trim();
                if (!string.IsNullOrEmpty(d)) { database = d!; break; }
            }
        }
        if (Unjudgeable(database)) return null;
        if (port is { } explicitPort) hosts = WithPort(hosts, explicitPort);
        bool redis = normalizedKey.IndexOf("REDIS", StringComparison.Ordinal) >= 0;
        return redis ? Endpoint("redis", "redis", hosts, 6379, database.Length == 0 ? "0" : database) : Endpoint("database", "host", hosts, 0, database);
    }

    private static readonly string[] EndpointSuffixes =
    {
        "ENDPOINT", "ENDPOINT_URL", "URL", "URI", "HOST", "HOSTNAME", "SERVER", "ADDRESS", "SERVICE_URL", "SERVICEURL",
        "S3_ENDPOINT", "S3_ENDPOINT_URL", "ENDPOINT_URL_S3", "S3_URL",
    };

    /// <summary>
    /// A bucket is named in a namespace: S3 and GCS names are global, but a bucket on a sibling endpoint (MINIO_ENDPOINT
    /// next to MINIO_BUCKET, INFLUXDB_URL next to INFLUXDB_BUCKET) lives in that server. Such a bucket is one shared
    /// resource only when the server is (a qualified remote host); on an in-cluster or local server each deployment has
    /// its own. Without a sibling endpoint the name alone is compared.
    /// </summary>
    private static ResourceIdentity? FromBucketKey(string normalizedKey, string v, Func<string, string?>? sibling)
    {
        if (!EndpointExtractor.IsBucketName(v)) return null;
        var endpoint = sibling is null ? null : BucketEndpoint(normalizedKey, sibling);
        if (endpoint is null) return new ResourceIdentity("bucket", "bucket|" + v.ToLowerInvariant(), $"bucket '{v}'", isSecret: false);
        var host = HostOf(endpoint);
        if (host is null || !HostFacts.IsRemoteName(host)) return null;
        return new ResourceIdentity("bucket", $"bucket|{host.ToLowerInvariant()}|{v.ToLowerInvariant()}", $"bucket '{v}' on {host}", isSecret: false);
    }

    /// <summary>The endpoint a bucket key's siblings name: INFLUXDB_BUCKET -> INFLUXDB_URL, AWS_STORAGE_BUCKET_NAME -> AWS_S3_ENDPOINT_URL.</summary>
    private static string? BucketEndpoint(string normalizedKey, Func<string, string?> sibling)
    {
        int at = normalizedKey.LastIndexOf("BUCKET", StringComparison.Ordinal);
        var prefix = at < 0 ? normalizedKey : normalizedKey.Substring(0, at);
        while (prefix.Length > 0)
        {
            foreach (var suffix in EndpointSuffixes)
            {
                var e = sibling(prefix + suffix)?.Trim();
                if (!string.IsNullOrEmpty(e)) return e;
            }
            int cut = prefix.TrimEnd('_').LastIndexOf('_');
            prefix = cut < 0 ? "" : prefix.Substring(0, cut + 1);
        }
        return null;
    }

    /// <summary>The (first) host of a URL or host[:port] value, or null.</summary>
    private static string? HostOf(string value)
    {
        if (ValueReference.IsReference(value)) return null;
        var v = value;
        int scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0) v = v.Substring(scheme + 3);
        int at = v.IndexOf('@');
        if (at >= 0) v = v.Substring(at + 1);
        int end = v.IndexOfAny(new[] { '/', '?', '#' });
        if (end >= 0) v = v.Substring(0, end);
        var hosts = SplitHosts(v);
        return hosts.Count == 0 ? null : hosts[0].Host;
    }

    /// <summary>"kafka-01:9092,kafka-02:9092", "es1.acme.io": a list of hosts, not a secret.</summary>
    private static bool IsHostList(string v)
    {
        if (v.IndexOf(' ') >= 0) return false;
        var hosts = SplitHosts(v);
        return hosts.Count > 0 && hosts.Count == v.Split(',').Length && hosts.All(h => HostFacts.IsHostName(h.Host))
            && (hosts.Count > 1 || hosts[0].Port is not null || hosts[0].Host.IndexOf('.') > 0);
    }

    private static List<(string Host, int? Port)> WithPort(List<(string Host, int? Port)> hosts, int port) =>
        hosts.Select(h => (h.Host, h.Port ?? (int?)port)).ToList();

    /// <summary>DB_HOST -> DB_, REDIS_HOSTNAME -> REDIS_, PGHOST -> PG.</summary>
    private static string Prefix(string normalizedKey)
    {
        foreach (var suffix in new[] { "HOSTNAME", "HOST", "SERVER", "ENDPOINT", "ADDRESS", "ADDR" })
        {
            if (normalizedKey.EndsWith(suffix, StringComparison.Ordinal)) return normalizedKey.Substring(0, normalizedKey.Length - suffix.Length);
        }
        return normalizedKey + "_";
    }

    /// <summary>"h1:5432,h2" -> hosts with ports; IPv6 in brackets kept whole; tcp: prefix and SQL Server instance names dropped.</summary>
    private static List<(string Host, int? Port)> SplitHosts(string list)
    {
        var result = new List<(string, int?)>();
        foreach (var raw in list.Split(','))
        {
            var item = raw.Trim();
            if (item.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase)) item = item.Substring(4);
            int backslash = item.IndexOf('\\');
            if (backslash > 0) item = item.Substring(0, backslash);
            int? port = null;
            int colon = item.StartsWith("[", StringComparison.Ordinal) ? item.IndexOf("]:", StringComparison.Ordinal) + 1 : item.LastIndexOf(':');
            if (colon > 0 && colon < item.Length - 1 && int.TryParse(item.Substring(colon + 1), out var p))
            {
                port = p;
                item = item.Substring(0, colon);
            }
            if (item.Length > 0) result.Add((item, port));
        }
        return result;
    }

    private static string FirstSegment(string path)
    {
        var p = path.TrimStart('/');
        int slash = p.IndexOf('/');
        return slash >= 0 ? p.Substring(0, slash) : p;
    }

    private static string LastSegment(string path)
    {
        var p = path.TrimEnd('/');
        int slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(slash + 1) : p;
    }
}
