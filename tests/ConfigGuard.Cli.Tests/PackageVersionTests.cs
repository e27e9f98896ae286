using ConfigGuard.Tests;
using Xunit;

namespace ConfigGuard.Cli.Tests;

/// <summary>
/// Every local pack used to be 0.1.0, so a NuGet cache holding an earlier local build served it in place of the new
/// one without a word. A local pack is now 0.1.0-dev.&lt;UTC time&gt;; builds, release packs and pre-commit's pack stay 0.1.0.
/// (The full pack, whose RID-specific packages must carry the pointer package's version, is run by the pack tests.)
/// </summary>
public class PackageVersionTests
{
    private static string Version(params string[] properties)
    {
        var r = ProcessRunner.Run(RepoPaths.Root, "dotnet", new[] { "msbuild", "src/ConfigGuard.MSBuild", "-getProperty:Version", "-nologo" }.Concat(properties));
        Assert.True(r.ExitCode == 0, r.All);
        return r.Stdout.Trim();
    }

    [Fact]
    public void A_local_pack_gets_a_version_of_its_own_and_builds_and_releases_do_not()
    {
        Assert.Matches(@"^0\.1\.0-dev\.20\d{12}$", Version("-p:_IsPacking=true"));
        Assert.Equal("0.1.0", Version());
        Assert.Equal("0.1.0", Version("-p:_IsPacking=true", "-p:ConfigGuardRelease=true"));
        Assert.Equal("2.0.0", Version("-p:_IsPacking=true", "-p:Version=2.0.0"));
        Assert.Equal("0.1.0", Version("-p:_IsPacking=true", "-p:PackageOutputPath=/tmp/x/pre-commit-build/"));
    }
}
