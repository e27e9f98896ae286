using System.Diagnostics;

namespace ConfigGuard.Cli;

/// <summary>Phase timings on stderr when CONFIGGUARD_TIMING=1: where a scan's wall time goes, for performance work.</summary>
internal sealed class PhaseTimer
{
    private readonly Stopwatch? _watch;
    private TimeSpan _last;

    private PhaseTimer(bool enabled) => _watch = enabled ? Stopwatch.StartNew() : null;

    public static PhaseTimer FromEnvironment() => new(Environment.GetEnvironmentVariable("CONFIGGUARD_TIMING") == "1");

    public void Mark(string phase)
    {
        if (_watch is null) return;
        var now = _watch.Elapsed;
        Console.Error.WriteLine($"timing: {phase,-22} {(now - _last).TotalMilliseconds,8:F1} ms (process {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms)");
        _last = now;
    }
}
