using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>A rule over one file, whatever environment it belongs to (parse errors, committed secrets, git hygiene).</summary>
public interface IFileRule
{
    string Id { get; }
    void Analyze(ConfigFile file, FindingSink sink);
}

/// <summary>A rule over the effective configuration of one environment (base layered under the environment's file).</summary>
public interface IViewRule
{
    string Id { get; }
    void Analyze(EnvironmentView view, FindingSink sink);
}
