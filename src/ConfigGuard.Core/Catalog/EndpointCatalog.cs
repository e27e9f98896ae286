using System;
using System.Collections.Generic;

namespace ConfigGuard.Core.Catalog;

/// <summary>Provider endpoints with a live/sandbox split (rules/endpoints.yaml).</summary>
public sealed class EndpointCatalog
{
    private readonly Dictionary<string, (string Provider, CredentialMode Mode)> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Suffix, string Provider, CredentialMode Mode)> _wildcards = new();

    public void Add(string provider, CredentialMode mode, string host)
    {
        if (host.StartsWith("*", StringComparison.Ordinal)) _wildcards.Add((host.Substring(1), provider, mode));
        else _exact[host] = (provider, mode);
    }

    /// <summary>The provider and mode of a host when the catalog knows it.</summary>
    public bool TryClassify(string host, out string provider, out CredentialMode mode)
    {
        if (_exact.TryGetValue(host, out var hit))
        {
            (provider, mode) = hit;
            return true;
        }
        foreach (var w in _wildcards)
        {
            if (host.EndsWith(w.Suffix, StringComparison.OrdinalIgnoreCase) && host.Length > w.Suffix.Length)
            {
                provider = w.Provider;
                mode = w.Mode;
                return true;
            }
        }
        provider = "";
        mode = CredentialMode.Generic;
        return false;
    }
}
