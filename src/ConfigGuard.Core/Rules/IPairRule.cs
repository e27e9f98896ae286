using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>A rule over a staging view and the production view it pairs with (shared resources, values production uses).</summary>
public interface IPairRule
{
    string Id { get; }
    void Analyze(EnvironmentPair pair, FindingSink sink);
}
