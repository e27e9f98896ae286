using Microsoft.CodeAnalysis;

namespace ConfigGuard.Analyzers.Tests.Verification;

/// <summary>
/// The reference assemblies test sources compile against: the SDK's own targeting packs
/// (<c>&lt;dotnet root&gt;/packs/Microsoft.NETCore.App.Ref</c> and <c>Microsoft.AspNetCore.App.Ref</c>, highest version,
/// <c>ref/net10.0/*.dll</c>), so snippets can use IHostEnvironment, IConfiguration and ASP.NET Core offline.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Lazy = new(Load);

    public static IReadOnlyList<MetadataReference> Net10WithAspNetCore => Lazy.Value;

    public static string DotnetRoot
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(Path.Combine(fromEnv, "packs"))) return fromEnv;
            // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>
            var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
            return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        }
    }

    public static string PackRefFolder(string pack)
    {
        var packDir = Path.Combine(DotnetRoot, "packs", pack);
        if (!Directory.Exists(packDir)) throw new InvalidOperationException($"targeting pack not found: {packDir}");
        var latest = Directory.GetDirectories(packDir)
            .Select(d => (Dir: d, Ok: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v), V: v))
            .Where(x => x.Ok && Directory.Exists(Path.Combine(x.Dir, "ref", "net10.0")))
            .OrderByDescending(x => x.V)
            .FirstOrDefault();
        if (latest.Dir is null) throw new InvalidOperationException($"no ref/net10.0 in {packDir}");
        return Path.Combine(latest.Dir, "ref", "net10.0");
    }

    private static IReadOnlyList<MetadataReference> Load() =>
        new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .SelectMany(p => Directory.GetFiles(PackRefFolder(p), "*.dll"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
}
