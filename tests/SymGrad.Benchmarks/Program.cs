using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SymGrad.Benchmarks -- --filter '*'   (BenchmarkDotNet's usual arguments)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
