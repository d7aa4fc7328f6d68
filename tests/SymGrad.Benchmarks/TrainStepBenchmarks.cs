using BenchmarkDotNet.Attributes;
using SymGrad.Benchmarks.Suite;

namespace SymGrad.Benchmarks;

/// <summary>One SGD training step per implementation and network (BenchmarkDotNet's full statistics).</summary>
[MemoryDiagnoser]
public class TrainStepBenchmarks
{
    private StepRunner _runner = null!;

    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "";

    public static string[] Networks => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(BenchmarkCase.All, c => c.Name));

    [GlobalSetup]
    public void Setup() => _runner = new StepRunner(BenchmarkCase.Find(Network));

    [Benchmark(Baseline = true)]
    public float Generated() => _runner.Generated();

    [Benchmark]
    public float Generic() => _runner.Generic();

    [Benchmark]
    public float GenericKernels() => _runner.GenericKernels();

    [Benchmark]
    public float Reference() => _runner.Reference();
}

/// <summary>The generator on a 20-layer definition, fresh driver per run.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private readonly GeneratorWorkload _workload = new();

    [Benchmark]
    public int Generate20Layers() => _workload.Run();
}

/// <summary>The dense products alone, on the MNIST MLP's layer shapes.</summary>
[MemoryDiagnoser]
public class DenseKernelBenchmarks
{
    private DenseProducts _products = null!;

    [Params("64x784x128", "64x128x64", "128x784x256", "128x256x256")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x');
        _products = new DenseProducts(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Benchmark]
    public void Forward() => System.Linq.Enumerable.ElementAt(_products.Products(), 0).Run();

    [Benchmark]
    public void BackwardWeights() => System.Linq.Enumerable.ElementAt(_products.Products(), 1).Run();

    [Benchmark]
    public void BackwardInput() => System.Linq.Enumerable.ElementAt(_products.Products(), 2).Run();
}
