using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Model;

/// <summary>An entry as one environment sees it: the entry, the file that set it, and whether it came from a base file.</summary>
public sealed class EffectiveEntry
{
    public EffectiveEntry(ConfigEntry entry, ConfigFile file, bool inherited)
    {
        Entry = entry;
        File = file;
        Inherited = inherited;
        NormalizedKey = entry.NormalizedKey;
    }

    public ConfigEntry Entry { get; }
    public ConfigFile File { get; }
    /// <summary>True when the value reaches the environment from a base file (appsettings.json, .env).</summary>
    public bool Inherited { get; }
    public string NormalizedKey { get; }
    public string Key => Entry.Key;
    public string Value => Entry.Value;
}
