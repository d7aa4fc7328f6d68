using System;
using System.Linq;
using BenchmarkDotNet.Running;
using SymGrad.Benchmarks;
using SymGrad.Benchmarks.Suite;

// `--quick` prints one JSON object in under a minute (`--smoke` shrinks it to seconds, for the test that checks it);
// anything else goes to BenchmarkDotNet, e.g. `--filter *TrainStep*`.
if (args.Contains("--quick"))
{
    using var stdout = Console.OpenStandardOutput();
    QuickRunner.Run(stdout, args.Contains("--smoke") ? QuickSettings.Smoke : QuickSettings.Default);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(TrainStepBenchmarks).Assembly).Run(args);
return 0;
