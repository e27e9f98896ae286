using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0013: a real secret (live or generic: AWS, GitHub, Slack ...) written in plain text in a config file, wherever
/// CG0001 does not already report it (the engine drops a CG0013 that shares its location with a CG0001).
/// </summary>
public sealed class CommittedCredentialRule : IFileRule
{
    public string Id => "CG0013";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        foreach (var e in file.Parsed.Entries)
        {
            if (sink.Pack.Keys.IsPlaceholder(Model.KeyNames.Normalize(e.Key), e.Value)) continue;
            foreach (var m in sink.CredentialsIn(e))
            {
                if (m.Pattern.Mode == CredentialMode.Test || !m.Pattern.IsSecret || ValueFacts.IsFiller(m)) continue;
                if (GuardsALocalServer(e.Value, m, file.Environment.Class)) continue;
                sink.Report(Id, file.Path, FindingSink.SubSpan(e, m.Index, m.Length), e.Key, file.Environment.Name,
                    $"{e.Key} holds a {m.Pattern.Provider} {(m.Pattern.Mode == CredentialMode.Live ? "live " : "")}secret ({m.Redacted}) in plain text; move it to a secret store and rotate it",
                    m.Value, m.Redacted, secret: m.Value);
            }
        }
    }

    /// <summary>
    /// The password of a URL (scheme://user:password@host) whose server is the developer's machine or CI's
    /// service container (localhost, 127.0.0.1, 0.0.0.0, host.docker.internal; in development, test and template
    /// files also a compose service name without a dot): a throwaway credential nobody outside can reach.
    /// </summary>
    private static bool GuardsALocalServer(string value, CredentialMatch m, EnvironmentClass environment)
    {
        int end = m.Index + m.Length;
        if (end == 0 || end > value.Length || value[end - 1] != '@') return false;
        int stop = value.IndexOfAny(new[] { '/', '?', '#', ',', ' ' }, end);
        var hostPort = stop < 0 ? value.Substring(end) : value.Substring(end, stop - end);
        var host = hostPort.StartsWith("[", System.StringComparison.Ordinal) ? hostPort.Substring(0, hostPort.IndexOf(']') + 1) : hostPort.Split(':')[0];
        if (host.Length == 0) return false;
        return HostFacts.IsLocal(host) || (!environment.IsDeployable() && HostFacts.IsDeploymentLocal(host));
    }
}
