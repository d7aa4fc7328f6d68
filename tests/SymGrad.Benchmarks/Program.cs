using System;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using SymGrad;
using SymGrad.Benchmarks;

// `--quick`: a few seconds of timing per network, printed as JSON lines (us/step and allocated
// bytes/step after warm-up); otherwise BenchmarkDotNet with its usual arguments.
if (args.Length > 0 && args[0] == "--quick")
{
    foreach (var (name, network) in new (string, INetwork<float>)[]
    {
        ("LstmT10", new LstmT10(1)), ("LstmT20", new LstmT20(1)), ("LstmT50Unrolled", new LstmT50Unrolled(1)), ("LstmT100Unrolled", new LstmT100Unrolled(1)),
        ("LstmT10Rolled", new LstmT10Rolled(1)), ("LstmT20Rolled", new LstmT20Rolled(1)), ("LstmT50Rolled", new LstmT50Rolled(1)), ("LstmT100Rolled", new LstmT100Rolled(1)),
    })
    {
        float[] inputs = LstmBenchmarks.Data(32 * network.InputSize, 2);
        float[] targets = LstmBenchmarks.Data(32 * network.OutputSize, 3);
        var adam = new Adam(1e-3);
        for (int i = 0; i < 200; i++)
        {
            network.TrainStep(inputs, targets, adam); // warm-up: tiered JIT reaches its optimized code
        }
        const int Iterations = 500;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            network.TrainStep(inputs, targets, adam);
        }
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"network\":\"{name}\",\"batch\":32,\"usPerStep\":{watch.Elapsed.TotalMicroseconds / Iterations:F1},\"bytesPerStep\":{allocated / Iterations}}}"));
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(LstmBenchmarks).Assembly).Run(args);
