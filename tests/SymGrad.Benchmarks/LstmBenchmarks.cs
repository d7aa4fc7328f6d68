using System;
using BenchmarkDotNet.Attributes;

namespace SymGrad.Benchmarks;

/// <summary>Generated TrainStep (forward, backward, Adam) of the LSTMs, batch 32.</summary>
[MemoryDiagnoser]
public class LstmBenchmarks
{
    private readonly INetwork<float>[] _networks = { new LstmT10(1), new LstmT20(1), new LstmT50(1) };
    private readonly Adam _adam = new(1e-3);
    private float[] _inputs = Array.Empty<float>();
    private float[] _targets = Array.Empty<float>();
    private INetwork<float> _network = null!;

    /// <summary>Number of time steps.</summary>
    [Params(10, 20, 50)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = _networks[Steps switch { 10 => 0, 20 => 1, _ => 2 }];
        _inputs = Data(32 * _network.InputSize, 2);
        _targets = Data(32 * _network.OutputSize, 3);
    }

    [Benchmark]
    public float TrainStep() => _network.TrainStep(_inputs, _targets, _adam);

    internal static float[] Data(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextUniform(-1, 1);
        }
        return values;
    }
}
