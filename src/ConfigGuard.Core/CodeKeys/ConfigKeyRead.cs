using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.CodeKeys;

/// <summary>How the code reads a configuration key (the API shape the extractor recognised).</summary>
public enum ConfigKeyReadKind
{
    /// <summary><c>configuration["A:B"]</c>, <c>builder.Configuration["A:B"]</c>, <c>section["B"]</c>.</summary>
    Indexer,
    /// <summary><c>GetValue&lt;T&gt;("A:B")</c> or <c>GetValue&lt;T&gt;("A:B", fallback)</c>.</summary>
    GetValue,
    /// <summary><c>GetConnectionString("X")</c>: the key <c>ConnectionStrings:X</c>.</summary>
    ConnectionString,
    /// <summary><c>GetSection("S")</c> / <c>GetRequiredSection("S")</c> used as a whole.</summary>
    Section,
    /// <summary>A property of an options type bound from a section (Bind, Configure&lt;T&gt;, BindConfiguration, Get&lt;T&gt;).</summary>
    OptionsProperty,
    /// <summary><c>Environment.GetEnvironmentVariable("X")</c>: a process variable, not a configuration key.</summary>
    EnvironmentVariable,
}

/// <summary>What happens when the key is absent.</summary>
public enum ConfigKeyRequirement
{
    /// <summary>No default: the read yields null/default(T), throws, or fails validation.</summary>
    Required,
    /// <summary>The code supplies a fallback (<c>GetValue("K", 5)</c>, <c>?? "x"</c>, a property initializer).</summary>
    Defaulted,
    /// <summary>The code expects it may be absent (a nullable property, an optional section, a section checked with Exists()).</summary>
    Optional,
}

/// <summary>
/// One configuration key the C# reads, with a constant key (literals, const fields, nameof; keys built at run time are
/// never guessed). Shared by the Roslyn analyzer (semantic model) and the CLI (syntax only) so both feed the same rules.
/// </summary>
public sealed class ConfigKeyRead
{
    public ConfigKeyRead(string key, ConfigKeyReadKind kind, ConfigKeyRequirement requirement, bool isSection, string path, SourceSpan span, string? via = null)
    {
        Key = key;
        Kind = kind;
        Requirement = requirement;
        IsSection = isSection;
        Path = path;
        Span = span;
        Via = via;
    }

    /// <summary>The configuration path as .NET reads it (<c>Stripe:SecretKey</c>); for <see cref="ConfigKeyReadKind.EnvironmentVariable"/>, the variable's name.</summary>
    public string Key { get; }
    public ConfigKeyReadKind Kind { get; }
    public ConfigKeyRequirement Requirement { get; }
    /// <summary>True when the read takes a whole section: any key below <see cref="Key"/> provides it.</summary>
    public bool IsSection { get; }
    /// <summary>Path of the .cs file (repository-relative in the CLI, as the compiler names it in the analyzer).</summary>
    public string Path { get; }
    /// <summary>Where the read is written (the key argument or the binding call).</summary>
    public SourceSpan Span { get; }
    /// <summary>For an options property: the type and member (<c>StripeOptions.SecretKey</c>).</summary>
    public string? Via { get; }

    public override string ToString() =>
        $"{Key}{(IsSection ? ":*" : "")} {Kind} {Requirement}{(Via is null ? "" : " via " + Via)}";
}
