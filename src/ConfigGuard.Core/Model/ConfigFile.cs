using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Model;

/// <summary>A parsed config file with the environment it configures.</summary>
public sealed class ConfigFile
{
    public ConfigFile(ParsedFile parsed, EnvironmentAssignment environment, FileFacts facts)
    {
        Parsed = parsed;
        Environment = environment;
        Facts = facts;
    }

    public ParsedFile Parsed { get; }
    public string Path => Parsed.Path;
    public ConfigFormat Format => Parsed.Format;
    public EnvironmentAssignment Environment { get; }
    public FileFacts Facts { get; }
}
