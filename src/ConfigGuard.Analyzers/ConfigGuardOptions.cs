using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ConfigGuard.Analyzers;

/// <summary>The ConfigGuard keys an .editorconfig (or .globalconfig) may set for the code rules.</summary>
internal static class ConfigGuardOptions
{
    /// <summary>CG1002: extra composition-root types, by simple or full name (<c>A,B,My.Ns.C</c>).</summary>
    public const string CompositionRootTypes = "configguard.composition_root_types";

    /// <summary>CG1004: extra preprocessor symbols that name an environment.</summary>
    public const string EnvironmentSymbols = "configguard.environment_symbols";

    /// <summary>CG1006: extra hosts that are production (exact host names).</summary>
    public const string ProductionHosts = "configguard.production_hosts";

    public static string? Get(AnalyzerOptions options, SyntaxTree tree, string key) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) ? value : null;

    /// <summary>Splits a comma (or semicolon) separated option value into trimmed, non-empty items.</summary>
    public static ImmutableArray<string> List(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value!.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = item.Trim();
            if (trimmed.Length > 0) builder.Add(trimmed);
        }
        return builder.ToImmutable();
    }
}
