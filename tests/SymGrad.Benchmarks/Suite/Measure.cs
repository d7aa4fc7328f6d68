using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace SymGrad.Benchmarks.Suite;

/// <summary>One timing: the median over rounds of the time per call, and the bytes allocated per call.</summary>
public readonly record struct Timing(double MedianMicroseconds, double AllocatedBytesPerCall, int Rounds, long Calls);

/// <summary>
/// The quick mode's timer: warm up (so that tiered compilation has produced optimized code), then time rounds
/// of a fixed number of calls and keep the median round, which shrugs off the other tenants of a shared machine.
/// </summary>
public static class Measure
{
    public static Timing Run(Action call, double warmupSeconds, double roundSeconds, int rounds)
    {
        var clock = Stopwatch.StartNew();
        long warmupCalls = 0;
        while (clock.Elapsed.TotalSeconds < warmupSeconds || warmupCalls < 2)
        {
            call();
            warmupCalls++;
        }
        double secondsPerCall = clock.Elapsed.TotalSeconds / warmupCalls;
        int callsPerRound = (int)Math.Clamp(roundSeconds / secondsPerCall, 1, 1_000_000);

        var samples = new List<double>(rounds);
        long calls = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < callsPerRound; k++)
            {
                call();
            }
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound);
            calls += callsPerRound;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Timing(Median(samples), (double)allocated / calls, rounds, calls);
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
