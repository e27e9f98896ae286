using ConfigGuard.Tests;

namespace ConfigGuard.MSBuild.Tests;

/// <summary>The tests that share one packed feed (packing takes minutes: once per run, not once per class).</summary>
[Xunit.CollectionDefinition(Name)]
public sealed class PackageCollection : Xunit.ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}

/// <summary>
/// Packs src/ConfigGuard.MSBuild once per test run into a temp folder feed, with a version no earlier run used
/// (0.1.0-test.&lt;timestamp&gt;), so the NuGet cache never serves a stale package. Consumers are created next to it.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        WorkDir = Path.Combine(Path.GetTempPath(), "configguard-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        FeedDir = Path.Combine(WorkDir, "feed");
        Directory.CreateDirectory(FeedDir);
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(100, 999)}";
        Pack = DotNet.Run(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "src", "ConfigGuard.MSBuild", "ConfigGuard.MSBuild.csproj"),
            "-c", "Release", "-o", FeedDir, "-p:Version=" + Version, "-nodeReuse:false", "-tl:off", "-nologo");
        if (Pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + Pack.Output);
        PackagePath = Path.Combine(FeedDir, $"ConfigGuard.{Version}.nupkg");
    }

    public string WorkDir { get; }
    public string FeedDir { get; }
    public string Version { get; }
    public string PackagePath { get; }
    public DotNetRun Pack { get; }

    /// <summary>
    /// A consumer web project in its own folder: the given files, then `dotnet add package ConfigGuard` from the feed
    /// (the registry stays a source for everything else). Files are relative to the consumer's folder; the project sits
    /// in <paramref name="projectFolder"/> under it. Returns the project folder.
    /// </summary>
    public (string Dir, DotNetRun Add) CreateConsumer(string name, IEnumerable<(string Path, string Text)> files, string extraItems = "", string projectFolder = "")
    {
        var root = Path.Combine(WorkDir, name);
        var dir = Path.Combine(root, projectFolder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {extraItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var add = DotNet.Run(dir, "add", name + ".csproj", "package", "ConfigGuard", "--version", Version, "--source", FeedDir);
        if (add.ExitCode != 0) throw new InvalidOperationException("dotnet add package failed:\n" + add.Output);
        return (dir, add);
    }

    /// <summary>The config files of a sample (README left out), as a consumer would have them beside its project.</summary>
    public static IEnumerable<(string, string)> SampleFiles(string sample)
    {
        var root = Path.Combine(RepoPaths.Samples, sample);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md")
            .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // The unique test version would otherwise pile up in the global packages folder.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        try { Directory.Delete(Path.Combine(cache, "configguard", Version), recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
