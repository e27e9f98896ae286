namespace ConfigGuard.Analyzers.Tests.Verification;

/// <summary>
/// A diagnostic the test expects at a <c>{|#n:...|}</c> marker, optionally with text its message must (or must not) contain.
/// Diagnostics marked with <c>[|...|]</c> or <c>{|ID:...|}</c> need no ExpectedDiagnostic.
/// </summary>
public sealed record ExpectedDiagnostic(string Id, int Marker, string? MessageContains = null, string? MessageExcludes = null, int SourceIndex = 0);
