using System.Diagnostics;

namespace ConfigGuard.Scanning.Timing;

/// <summary>
/// Phase timings on stderr when CONFIGGUARD_TIMING=1: where a run's wall time goes, for performance work. One
/// process-wide timer; each mark prints the time since the previous mark, the time since the process started, and how
/// many methods the JIT compiled meanwhile (start-up cost that ReadyToRun did not cover), and the garbage collections so
/// far (per generation, with the time the program was paused for them).
/// </summary>
public static class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("CONFIGGUARD_TIMING") == "1";
    private static readonly object Gate = new();
    private static long _last = Stopwatch.GetTimestamp();
    private static long? _startedAt;
    private static long _lastJitted;
    private static TimeSpan _lastJitTime;

    public static void Mark(string phase)
    {
        if (!Enabled) return;
        lock (Gate)
        {
            var now = Stopwatch.GetTimestamp();
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            // The time the timer itself takes (the first call starts the console and reads the clock's time zone) is
            // left out: the next phase is measured from the end of this call.
            var memory = GC.GetGCMemoryInfo();
            _startedAt ??= now - (long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency);
            Console.Error.WriteLine($"timing: {phase,-26} {Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds,7:F1} ms (process {Stopwatch.GetElapsedTime(_startedAt.Value, now).TotalMilliseconds,4:F0} ms; JIT {jitted - _lastJitted,3} methods, {(jitTime - _lastJitTime).TotalMilliseconds,4:F1} ms; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, heap {memory.HeapSizeBytes >> 20} MB, committed {memory.TotalCommittedBytes >> 20} MB)");
            _last = Stopwatch.GetTimestamp();
            _lastJitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            _lastJitTime = System.Runtime.JitInfo.GetCompilationTime();
        }
    }
}
