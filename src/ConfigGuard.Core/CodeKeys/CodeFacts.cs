using System.Collections.Generic;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.CodeKeys;

/// <summary>Which host the app builds: it decides which variables name the environment (and that the default is Production).</summary>
public enum AppHostKind
{
    None,
    /// <summary><c>WebApplication.CreateBuilder</c>, <c>WebHost.CreateDefaultBuilder</c>, <c>ConfigureWebHostDefaults</c>: ASPNETCORE_ENVIRONMENT, then DOTNET_ENVIRONMENT.</summary>
    AspNetCore,
    /// <summary><c>Host.CreateDefaultBuilder</c>, <c>Host.CreateApplicationBuilder</c>: DOTNET_ENVIRONMENT.</summary>
    GenericHost,
}

/// <summary>Where the code builds its host (for CG1009's message).</summary>
public sealed class AppHost
{
    public AppHost(AppHostKind kind, string call, string path, SourceSpan span)
    {
        Kind = kind;
        Call = call;
        Path = path;
        Span = span;
    }

    public AppHostKind Kind { get; }
    /// <summary><c>WebApplication.CreateBuilder</c>.</summary>
    public string Call { get; }
    public string Path { get; }
    public SourceSpan Span { get; }

    /// <summary>The variables the host reads its environment name from, in the order it tries them.</summary>
    public IReadOnlyList<string> EnvironmentVariables => Kind == AppHostKind.AspNetCore
        ? new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }
        : new[] { "DOTNET_ENVIRONMENT" };
}

/// <summary>What one C# project tells about configuration: the keys it reads and how its host loads configuration.</summary>
public sealed class CodeFacts
{
    public static readonly CodeFacts Empty = new(new List<ConfigKeyRead>(), new List<string>(), new List<AppHost>(), new List<string>(), new List<string>(), false);

    public CodeFacts(IReadOnlyList<ConfigKeyRead> reads, IReadOnlyList<string> opaqueSections, IReadOnlyList<AppHost> hosts,
        IReadOnlyList<string> environmentVariablePrefixes, IReadOnlyList<string> secretStoreSources, bool usesUserSecrets)
    {
        Reads = reads;
        OpaqueSections = opaqueSections;
        Hosts = hosts;
        EnvironmentVariablePrefixes = environmentVariablePrefixes;
        SecretStoreSources = secretStoreSources;
        UsesUserSecrets = usesUserSecrets;
    }

    /// <summary>Sorted by path and position.</summary>
    public IReadOnlyList<ConfigKeyRead> Reads { get; }
    /// <summary>Sections whose children the code reads in ways the extractor cannot list (GetChildren, passed to a library): any key below them may be read.</summary>
    public IReadOnlyList<string> OpaqueSections { get; }
    public IReadOnlyList<AppHost> Hosts { get; }
    /// <summary><c>AddEnvironmentVariables("MYAPP_")</c> prefixes: MYAPP_A__B is also A:B.</summary>
    public IReadOnlyList<string> EnvironmentVariablePrefixes { get; }
    /// <summary>Configuration providers backed by a secret store (<c>AddAzureKeyVault</c>, <c>AddSecretsManager</c> ...): any key may come from them.</summary>
    public IReadOnlyList<string> SecretStoreSources { get; }
    /// <summary>The project has a UserSecretsId or calls AddUserSecrets: Development gets keys from user secrets.</summary>
    public bool UsesUserSecrets { get; }

    public bool IsAspNetCoreApp
    {
        get
        {
            foreach (var h in Hosts) if (h.Kind != AppHostKind.None) return true;
            return false;
        }
    }
}
