namespace ConfigGuard.Core.Model;

/// <summary>Which environment a file configures, and the evidence (shown by `configguard envs`).</summary>
public sealed class EnvironmentAssignment
{
    public EnvironmentAssignment(EnvironmentClass @class, string name, AssignmentSource source, string reason, bool isLocalOverride = false)
    {
        Class = @class;
        Name = name;
        Source = source;
        Reason = reason;
        IsLocalOverride = isLocalOverride;
    }

    public EnvironmentClass Class { get; }
    /// <summary>The name as the evidence spells it (uat, stg, Production).</summary>
    public string Name { get; }
    public AssignmentSource Source { get; }
    public string Reason { get; }
    /// <summary>A `.env.local` / `.env.staging.local` file: a developer's machine-local override.</summary>
    public bool IsLocalOverride { get; }

    public string Display => Class == EnvironmentClass.Unknown || string.Equals(Name, Class.ToName(), System.StringComparison.OrdinalIgnoreCase)
        ? Class.ToName()
        : $"{Class.ToName()} ({Name})";
}

public enum AssignmentSource
{
    None,
    FileName,
    Folder,
    DeclaredKey,
    Settings,
}
