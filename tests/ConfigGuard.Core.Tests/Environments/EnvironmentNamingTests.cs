using ConfigGuard.Core.Catalog;
using ConfigGuard.Core.Environments;
using ConfigGuard.Core.Model;
using ConfigGuard.Core.Settings;
using Xunit;

namespace ConfigGuard.Core.Tests.Environments;

/// <summary>Environments as teams name them: parts, joined words, traps and qualifiers (rules/environments.yaml).</summary>
public class EnvironmentNamingTests
{
    private static EnvironmentNames Names => RulePack.Default.Environments;

    [Theory]
    [InlineData("DeployedProd", EnvironmentClass.Production)]
    [InlineData("eshopdev", EnvironmentClass.Development)]
    [InlineData("webreportingtest", EnvironmentClass.Test)]
    [InlineData("stg", EnvironmentClass.Staging)]
    [InlineData("prd", EnvironmentClass.Production)]
    [InlineData("preprod", EnvironmentClass.Staging)]
    [InlineData("uat", EnvironmentClass.Staging)]
    [InlineData("qa", EnvironmentClass.Staging)]
    [InlineData("integration", EnvironmentClass.Staging)]
    [InlineData("sandbox", EnvironmentClass.Staging)]
    [InlineData("perf", EnvironmentClass.Staging)]
    [InlineData("demo", EnvironmentClass.Staging)]
    [InlineData("staging-eu", EnvironmentClass.Staging)]
    [InlineData("prod-us-east-1", EnvironmentClass.Production)]
    [InlineData("production-like", EnvironmentClass.Staging)]
    [InlineData("prodlike", EnvironmentClass.Staging)]
    [InlineData("pre-production", EnvironmentClass.Staging)]
    [InlineData("non-prod", EnvironmentClass.Staging)]
    public void Names_are_read_from_their_parts(string name, EnvironmentClass expected)
    {
        Assert.Equal(expected, Names.ClassifyName(name));
    }

    [Theory]
    [InlineData("devices")]
    [InlineData("testimonials")]
    [InlineData("contest")]
    [InlineData("latest")]
    [InlineData("product")]
    [InlineData("productcatalog")]
    [InlineData("backstage")]
    [InlineData("devops")]
    [InlineData("live-chat")]
    [InlineData("demo-app")]
    [InlineData("reproduce")]
    [InlineData("attester")]
    public void Traps_are_not_environments(string name)
    {
        Assert.Equal(EnvironmentClass.Unknown, Names.ClassifyName(name));
    }

    [Theory]
    [InlineData("envs", "staging-eu", EnvironmentClass.Staging)]
    [InlineData("deploy", "prod-asia", EnvironmentClass.Production)]
    [InlineData("overlays", "eshopdev", EnvironmentClass.Development)]
    [InlineData("apps", "staging-eu", EnvironmentClass.Staging)]
    [InlineData("samples", "staging-leak", EnvironmentClass.Unknown)]
    [InlineData("tools", "dev-proxy", EnvironmentClass.Unknown)]
    [InlineData("src", "eshopdev", EnvironmentClass.Unknown)]
    [InlineData("src", "devices", EnvironmentClass.Unknown)]
    [InlineData("overlays", "devices", EnvironmentClass.Unknown)]
    public void Folders_are_read_by_their_parts_only_beside_qualifiers_or_in_a_folder_of_environments(string parent, string name, EnvironmentClass expected)
    {
        Assert.Equal(expected, Names.ClassifyFolder(name, parent));
    }

    [Fact]
    public void Qualifiers_are_the_parts_that_are_not_environment_words()
    {
        Assert.Equal(new[] { "eu" }, Names.Qualifiers("staging-eu"));
        Assert.Equal(new[] { "us", "east" }, Names.Qualifiers("prod-us-east-1"));
        Assert.Empty(Names.Qualifiers("production"));
        Assert.Empty(Names.Qualifiers("production-like"));
    }

    [Theory]
    [InlineData("appsettings.DeployedProd.json", ConfigFormat.AppSettingsJson, EnvironmentClass.Production)]
    [InlineData("appsettings.Prd.json", ConfigFormat.AppSettingsJson, EnvironmentClass.Production)]
    [InlineData("appsettings.DeployedLocal.json", ConfigFormat.AppSettingsJson, EnvironmentClass.Development)]
    [InlineData("deploy/live-chat/.env", ConfigFormat.DotEnv, EnvironmentClass.Base)]
    [InlineData(".env.stg", ConfigFormat.DotEnv, EnvironmentClass.Staging)]
    [InlineData(".env.uat", ConfigFormat.DotEnv, EnvironmentClass.Staging)]
    [InlineData(".env.production.example", ConfigFormat.DotEnv, EnvironmentClass.Template)]
    [InlineData("envs/staging-eu/.env", ConfigFormat.DotEnv, EnvironmentClass.Staging)]
    [InlineData("samples/staging-leak/.env", ConfigFormat.DotEnv, EnvironmentClass.Base)]
    [InlineData("src/Devices.Api/appsettings.json", ConfigFormat.AppSettingsJson, EnvironmentClass.Base)]
    [InlineData("clusters/contest/.env", ConfigFormat.DotEnv, EnvironmentClass.Base)]
    public void Files_get_the_environment_of_their_name_and_folders(string path, ConfigFormat format, EnvironmentClass expected)
    {
        var inference = new EnvironmentInference(RulePack.Default, ConfigGuardSettings.Empty);
        Assert.Equal(expected, inference.FromPath(path, format).Class);
    }

    [Fact]
    public void A_repository_maps_its_own_names_in_configguard_yaml()
    {
        var settings = SettingsParser.Parse("names:\n  staging: [rehearsal]\n  production: [main-eu]\nenvironments:\n  staging: [\"ops/**\"]\n", RulePack.Default);
        var inference = new EnvironmentInference(RulePack.Default, settings);
        Assert.Equal(EnvironmentClass.Staging, inference.FromPath(".env.rehearsal", ConfigFormat.DotEnv).Class);
        Assert.Equal(EnvironmentClass.Production, inference.FromPath("deploy/main-eu/kustomization.yaml", ConfigFormat.Kustomize).Class);
        Assert.Equal(EnvironmentClass.Unknown, new EnvironmentInference(RulePack.Default, ConfigGuardSettings.Empty).FromPath(".env.rehearsal", ConfigFormat.DotEnv).Class);
        var e = Assert.Throws<YamlFormatException>(() => SettingsParser.Parse("names:\n  nightly: [n1]\n", RulePack.Default));
        Assert.Contains("unknown environment class 'nightly'", e.Message);
    }
}
