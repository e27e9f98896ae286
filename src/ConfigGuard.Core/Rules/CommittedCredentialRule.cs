using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Engine;

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
            foreach (var m in sink.CredentialsIn(e))
            {
                if (m.Pattern.Mode == CredentialMode.Test || !m.Pattern.IsSecret || ValueFacts.IsFiller(m)) continue;
                sink.Report(Id, file.Path, FindingSink.SubSpan(e, m.Index, m.Length), e.Key, file.Environment.Name,
                    $"{e.Key} holds a {m.Pattern.Provider} {(m.Pattern.Mode == CredentialMode.Live ? "live " : "")}secret ({m.Redacted}) in plain text; move it to a secret store and rotate it",
                    m.Value, m.Redacted, secret: m.Value);
            }
        }
    }
}
