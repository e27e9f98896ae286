using Xunit;

namespace ConfigGuard.Tests;

// xunit 2 has no run-time Assert.Skip, so the skip is decided when tests are discovered: these attributes set Skip
// (with the reason) when ../shared/corpus is not beside the checkout. A skipped [Theory] is not enumerated, so its
// MemberData (which lists corpus folders) is never read. `.ci/run` fails when any test was skipped for this reason.

/// <summary>A [Fact] that needs ../shared/corpus; reported as skipped, with the reason, on a lone clone.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!RepoPaths.HasCorpus) Skip = RepoPaths.CorpusMissingReason;
    }
}

/// <summary>A [Theory] over ../shared/corpus; reported as one skipped test, with the reason, on a lone clone.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!RepoPaths.HasCorpus) Skip = RepoPaths.CorpusMissingReason;
    }
}
