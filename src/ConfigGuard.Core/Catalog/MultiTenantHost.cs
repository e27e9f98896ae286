using System;

namespace ConfigGuard.Core.Catalog;

/// <summary>Where a multi-tenant provider puts the customer's tenant in a URL (rules/endpoints.yaml <c>multiTenant</c>).</summary>
public enum TenantPart
{
    /// <summary>The URL names no tenant (fonts, registries, public APIs whose account is a key elsewhere).</summary>
    None,
    /// <summary>The whole path, a secret (webhook URLs).</summary>
    Path,
    /// <summary>The first path segment (s3.amazonaws.com/bucket, login.microsoftonline.com/tenant).</summary>
    FirstPath,
    /// <summary>The last path segment (Sentry project).</summary>
    LastPath,
    /// <summary>The labels before the provider's host (account.blob.core.windows.net).</summary>
    Subdomain,
}

/// <summary>A host every customer of a provider shares, and where the tenant is in its URLs.</summary>
public sealed class MultiTenantHost
{
    public MultiTenantHost(string provider, string host, TenantPart tenant)
    {
        Provider = provider;
        Host = host.Trim().TrimStart('*', '.').ToLowerInvariant();
        Tenant = tenant;
    }

    public string Provider { get; }
    public string Host { get; }
    public TenantPart Tenant { get; }

    public static TenantPart ParseTenant(string? text) => text switch
    {
        null or "" or "none" => TenantPart.None,
        "path" => TenantPart.Path,
        "firstPath" => TenantPart.FirstPath,
        "lastPath" => TenantPart.LastPath,
        "subdomain" => TenantPart.Subdomain,
        _ => throw new ArgumentException($"unknown tenant part '{text}' (none, path, firstPath, lastPath, subdomain)"),
    };

    /// <summary>True when <paramref name="host"/> is this host or under it at a dot.</summary>
    public bool Covers(string host) => host == Host || host.EndsWith("." + Host, StringComparison.Ordinal);
}
