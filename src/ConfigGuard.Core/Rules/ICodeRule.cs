using System.Collections.Generic;
using ConfigGuard.Core.CodeKeys;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>What a code-meets-config rule sees: the keys the code reads and what each environment provides.</summary>
public sealed class CodeConfigContext
{
    public CodeConfigContext(CodeFacts code, IReadOnlyList<EnvironmentKeySet> environments, AnalysisResult config)
    {
        Code = code;
        Environments = environments;
        Config = config;
    }

    public CodeFacts Code { get; }
    public IReadOnlyList<EnvironmentKeySet> Environments { get; }
    public AnalysisResult Config { get; }
}

/// <summary>A rule comparing the C# with the config (CG1007-CG1009).</summary>
public interface ICodeRule
{
    string Id { get; }
    void Analyze(CodeConfigContext context, FindingSink sink);
}
