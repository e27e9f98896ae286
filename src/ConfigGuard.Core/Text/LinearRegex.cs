using System;
using System.Text.RegularExpressions;

namespace ConfigGuard.Core.Text;

/// <summary>
/// Regexes whose pattern a user controls (configguard.yaml credential patterns and keys, kustomize patch target
/// names, .editorconfig and exclude globs) run on .NET's non-backtracking engine, whose matching time is linear in the
/// input whatever the pattern: `(a+)+$` or `(a|aa)+$` cost 100-250 ms per value on the backtracking engine, and a
/// repository can hold thousands of values. Core targets netstandard2.0, where RegexOptions.NonBacktracking is not
/// declared; its value (1024) is passed as is, and the runtime that runs Core (.NET 7 or later for the CLI and the
/// MSBuild task) honours it. Where it cannot (.NET Framework hosting the analyzer in Visual Studio, or a pattern using
/// lookaround or backreferences, which that engine does not support), the backtracking engine runs with the timeout.
/// </summary>
public static class LinearRegex
{
    private const RegexOptions NonBacktracking = (RegexOptions)1024;

    /// <summary>Whether <paramref name="regex"/> runs on the non-backtracking engine (its time is linear in the input).</summary>
    public static bool IsLinear(Regex regex) => (regex.Options & NonBacktracking) != 0;

    public static Regex Create(string pattern, RegexOptions options, TimeSpan matchTimeout)
    {
        try
        {
            return new Regex(pattern, options | NonBacktracking, matchTimeout);
        }
        catch (ArgumentOutOfRangeException)
        {
            // This runtime has no non-backtracking engine.
        }
        catch (NotSupportedException)
        {
            // A construct the non-backtracking engine lacks.
        }
        return new Regex(pattern, options, matchTimeout);
    }
}
