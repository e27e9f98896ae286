using ConfigGuard.Core.Catalog;
using Xunit;

namespace ConfigGuard.Core.Tests.Catalog;

/// <summary>The parts the analyzers take one by one are the very objects the default pack holds.</summary>
public class RulePackPartsTests
{
    [Fact]
    public void Default_parts_are_the_default_packs_own_instances()
    {
        var environments = RulePack.DefaultEnvironments;
        var credentials = RulePack.DefaultCredentials;
        Assert.Same(environments, RulePack.Default.Environments);
        Assert.Same(credentials, RulePack.Default.Credentials);
        Assert.Same(RulePack.DefaultEndpoints, RulePack.Default.Endpoints);
        Assert.Same(RulePack.DefaultKeys, RulePack.Default.Keys);
    }
}
