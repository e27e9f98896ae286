using ConfigGuard.Core.Engine;
using ConfigGuard.Core.Model;

namespace ConfigGuard.Core.Rules;

/// <summary>CG0012: what a parser could not read, at its exact location. The rest of the file is still analyzed.</summary>
public sealed class UnparseableFileRule : IFileRule
{
    public string Id => "CG0012";

    public void Analyze(ConfigFile file, FindingSink sink)
    {
        foreach (var error in file.Parsed.Errors)
        {
            sink.Report(Id, file.Path, error.Span, null, file.Environment.Name, error.Message,
                error.Message + "@" + error.Span.StartLine, null);
        }
    }
}
