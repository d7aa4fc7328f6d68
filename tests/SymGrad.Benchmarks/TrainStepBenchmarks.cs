using BenchmarkDotNet.Attributes;
using SymGrad.Benchmarks.Suite;
using SymGrad.Kernels;

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

/// <summary>The dense products alone, on the benchmark networks' layer shapes, at 512 and 256 bits.</summary>
[MemoryDiagnoser]
public class DenseKernelBenchmarks
{
    private float[] _x = null!, _w = null!, _bias = null!, _y = null!, _dy = null!, _dw = null!, _db = null!, _dx = null!;
    private int _batch, _inputs, _outputs;

    [Params("64x784x128", "64x128x64", "32x64x32", "128x784x256", "128x256x256")]
    public string Shape { get; set; } = "";

    [Params(512, 256)]
    public int Bits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parts = System.Array.ConvertAll(Shape.Split('x'), p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture));
        (_batch, _inputs, _outputs) = (parts[0], parts[1], parts[2]);
        var random = new System.Random(3);
        float[] Fill(int n) => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, n), _ => (float)(random.NextDouble() - 0.5)));
        (_x, _w, _bias, _y) = (Fill(_batch * _inputs), Fill(_outputs * _inputs), Fill(_outputs), new float[_batch * _outputs]);
        (_dy, _dw, _db, _dx) = (Fill(_batch * _outputs), new float[_outputs * _inputs], new float[_outputs], new float[_batch * _inputs]);
    }

    private SimdWidth Width => (SimdWidth)Bits;

    [Benchmark]
    public void Forward() => SymGrad.Kernels.Dense.ForwardAt<float>(_x, _w, _bias, _y, _batch, _inputs, _outputs, Width);

    [Benchmark]
    public void BackwardWeights() => SymGrad.Kernels.Dense.BackwardWeightsAt<float>(_dy, _x, _dw, _db, _batch, _inputs, _outputs, Width);

    [Benchmark]
    public void BackwardInput() => SymGrad.Kernels.Dense.BackwardInputAt<float>(_dy, _w, _dx, _batch, _inputs, _outputs, accumulate: false, Width);
}
