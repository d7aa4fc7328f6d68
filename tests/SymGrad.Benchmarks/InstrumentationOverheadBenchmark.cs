using System;
using BenchmarkDotNet.Attributes;
using SymGrad;

namespace SymGrad.Benchmarks;

/// <summary>
/// What gradient instrumentation costs: TrainStep of the design's 784-128-64-10 MLP at batch 64 with
/// instrumentation off and on (two networks from one definition, differing only in the attribute).
/// MemoryDiagnoser shows that neither allocates. Run:
/// <c>dotnet run -c Release --project tests/SymGrad.Benchmarks -- --filter '*InstrumentationOverhead*'</c>
/// </summary>
[MemoryDiagnoser]
public class InstrumentationOverheadBenchmark
{
    private const int Batch = 64;
    private readonly float[] _inputs = new float[Batch * 784];
    private readonly float[] _targets = new float[Batch * 10];
    private readonly MlpInstrumentationOff _off = new(1);
    private readonly MlpInstrumentationOn _on = new(1);
    private readonly Sgd _sgdOff = new(1e-3);
    private readonly Sgd _sgdOn = new(1e-3);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = (float)random.NextDouble();
        }
        for (int b = 0; b < Batch; b++)
        {
            _targets[b * 10 + random.Next(10)] = 1f;
        }
    }

    [Benchmark(Baseline = true, Description = "TrainStep, instrumentation off")]
    public float Off() => _off.TrainStep(_inputs, _targets, _sgdOff);

    [Benchmark(Description = "TrainStep, instrumentation on")]
    public float On() => _on.TrainStep(_inputs, _targets, _sgdOn);
}

/// <summary>784-128-64-10, ReLU, He; no instrumentation.</summary>
[Network(MaxBatchSize = 64)]
public partial class MlpInstrumentationOff
{
    readonly Linear fc1 = new(784, 128, Init.HeNormal);
    readonly Linear fc2 = new(128, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => fc3.Forward(Relu(fc2.Forward(Relu(fc1.Forward(x)))));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The same network with instrumentation on.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class MlpInstrumentationOn
{
    readonly Linear fc1 = new(784, 128, Init.HeNormal);
    readonly Linear fc2 = new(128, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x) => fc3.Forward(Relu(fc2.Forward(Relu(fc1.Forward(x)))));

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
