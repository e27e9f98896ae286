using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Settings;
using Xunit;

namespace ConfigGuard.Core.Tests.Configuration;

public class VendoredScopeSettingsTests
{
    [Theory]
    [InlineData("vendor/github.com/acme/lib/.env.production", true)]
    [InlineData("web/node_modules/pkg/.env.staging", true)]
    [InlineData("third_party/grpc/appsettings.Staging.json", true)]
    [InlineData("tools/.venv/lib/site-packages/x/.env", true)]
    [InlineData("services/vendor-portal/.env.staging", false)]
    [InlineData("deploy/overlays/vendor.env", false)]
    [InlineData("src/Api/appsettings.Production.json", false)]
    public void Vendored_by_default(string path, bool vendored) => Assert.Equal(vendored, ConfigGuardSettings.Empty.IsVendored(path));

    [Fact]
    public void Include_takes_paths_back()
    {
        var settings = SettingsParser.Parse("include: [\"vendor/ours/**\"]\n", RulePack.Default);
        Assert.False(settings.IsVendored("vendor/ours/deploy/.env.staging"));
        Assert.True(settings.IsVendored("vendor/theirs/.env.staging"));
    }
}
