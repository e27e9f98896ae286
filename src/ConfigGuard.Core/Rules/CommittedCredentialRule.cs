using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Endpoints;
using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Redaction;

namespace ConfigGuard.Core.Rules;

/// <summary>
/// CG0013: a real secret written in plain text in a config file, wherever CG0001 does not already report it (the
/// engine drops a CG0013 that shares its location with a CG0001). Found by its format (AWS, GitHub, Slack, a password
/// in a connection string or URL, rules/credentials.yaml) anywhere, or by the key that holds it (DB_PASSWORD, Jwt:Key,
/// rules/keys.yaml committedSecretKeys) in a staging, production or base file.
/// </summary>
public sealed class CommittedCredentialRule : IFileRule
{
    public string Id => "CG0013";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        foreach (var e in file.Parsed.Entries)
        {
            var key = e.NormalizedKey;
            var matches = sink.CredentialsIn(e);
            bool byName = matches.Count == 0 && SecretByName.IsCommitted(file, e, sink.Pack.Keys);
            // A placeholder holds no secret. Asked last, of a value that would otherwise be reported: most values match
            // nothing, and the placeholder check (a dozen whole-value patterns) cost more than the rest of this rule.
            if ((matches.Count == 0 && !byName) || sink.Pack.Keys.IsPlaceholder(key, e.Value)) continue;
            var publicKey = sink.Pack.Keys.CommittedSecrets.IsPublicClientKey(key);
            foreach (var m in matches)
            {
                if (m.Pattern.Mode == CredentialMode.Test || !m.Pattern.IsSecret || m.IsFiller) continue;
                if (publicKey && sink.Pack.Keys.CommittedSecrets.IsClientKeyFormat(m.Pattern.Id)) continue;
                if (IsStandIn(m, sink.Pack.Keys) || GuardsALocalServer(e.Value, m, file.Environment.Class)
                    || ConnectionStringServer.GuardsALocalServer(e.Value, m, file.Environment.Class)) continue;
                sink.Report(Id, file.Path, FindingSink.SubSpan(e, m.Index, m.Length), e.Key, file.Environment.Name,
                    $"{e.Key} holds a {m.Pattern.Provider} {(m.Pattern.Mode == CredentialMode.Live ? "live " : "")}secret ({m.Redacted}) in plain text; move it to a secret store and rotate it",
                    m.Value, m.Redacted, secret: m.Value);
            }
            if (!byName) continue;
            var value = e.Value.Trim();
            var shown = Redactor.Redact(value);
            sink.Report(Id, file.Path, e.ValueSpan, e.Key, file.Environment.Name,
                $"{e.Key} holds a secret ({shown}) in plain text in {file.Environment.Name}; move it to a secret store and rotate it",
                value, shown, secret: value);
        }
    }

    // Password=<password>, Password={0}, Password=dbPassword, Password=prod_pass, Password=__DbPassword__: the secret part of a match
    // stands for a value.
    private static bool IsStandIn(CredentialMatch m, KeyCatalog keys)
    {
        if (m.SecretLength == m.Length) return false;
        var secret = m.Value.Substring(m.SecretOffset, m.SecretLength).Trim('\'', '"');
        return secret.Length == 0 || keys.IsPlaceholder(secret) || ValueReference.IsReference(secret) || keys.CommittedSecrets.IsStoreValue(secret)
            || keys.CommittedSecrets.IsThrowaway(secret) || SecretByName.DescribesItself(secret);
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
