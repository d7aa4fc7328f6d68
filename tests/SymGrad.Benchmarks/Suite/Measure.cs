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
    public static Timing Run(Action call, double warmupSeconds, double roundSeconds, int rounds) =>
        RunInterleaved(new[] { call }, warmupSeconds, roundSeconds, rounds)[0];

    /// <summary>
    /// Times several calls round-robin, one round of each in turn, so that a change in the machine's load
    /// during the measurement falls on all of them alike (on a shared machine it does, within seconds).
    /// </summary>
    public static Timing[] RunInterleaved(Action[] calls, double warmupSeconds, double roundSeconds, int rounds)
    {
        int n = calls.Length;
        var callsPerRound = new int[n];
        for (int c = 0; c < n; c++)
        {
            var clock = Stopwatch.StartNew();
            long warmupCalls = 0;
            while (clock.Elapsed.TotalSeconds < warmupSeconds || warmupCalls < 2)
            {
                calls[c]();
                warmupCalls++;
            }
            callsPerRound[c] = (int)Math.Clamp(roundSeconds / (clock.Elapsed.TotalSeconds / warmupCalls), 1, 1_000_000);
        }

        var samples = new List<double>[n];
        var allocated = new long[n];
        for (int c = 0; c < n; c++)
        {
            samples[c] = new List<double>(rounds);
        }
        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < n; c++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int k = 0; k < callsPerRound[c]; k++)
                {
                    calls[c]();
                }
                samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound[c]);
                allocated[c] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }
        }
        var timings = new Timing[n];
        for (int c = 0; c < n; c++)
        {
            long total = (long)callsPerRound[c] * rounds;
            timings[c] = new Timing(Median(samples[c]), (double)allocated[c] / total, rounds, total);
        }
        return timings;
    }

    public static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
