using System;
using System.Collections.Generic;
using SymGrad.Benchmarks.Generic;
using SymGrad.Benchmarks.Networks;

namespace SymGrad.Benchmarks.Suite;

/// <summary>Activations of the benchmark networks (the generic implementation mirrors each generated one).</summary>
public enum Activation
{
    Relu,
    Sigmoid,
    Tanh,
}

/// <summary>
/// One benchmark network of DESIGN.md section 8: its generated class, the widths and activation from which
/// the generic implementation is built, the batch size, and the dense FLOPs of one training step.
/// </summary>
public sealed class BenchmarkCase : IStepCase
{
    private readonly Func<int, INetwork<float>> _createGenerated;

    private BenchmarkCase(string name, int batch, int[] widths, Activation activation, bool meanSquaredError, Func<int, INetwork<float>> createGenerated)
    {
        Name = name;
        Batch = batch;
        Widths = widths;
        Activation = activation;
        MeanSquaredError = meanSquaredError;
        _createGenerated = createGenerated;
    }

    public string Name { get; }
    public int Batch { get; }
    /// <summary>Input width, then each layer's output width.</summary>
    public IReadOnlyList<int> Widths { get; }
    public Activation Activation { get; }
    public bool MeanSquaredError { get; }

    /// <summary>The benchmark MLPs, in the order of the README's table (the LSTMs are <see cref="LstmCase"/>).</summary>
    public static IReadOnlyList<BenchmarkCase> All { get; } = new[]
    {
        new BenchmarkCase("2-16-16-1", 32, new[] { 2, 16, 16, 1 }, Activation.Tanh, true, seed => new Tanh2x16x16x1(seed)),
        new BenchmarkCase("64-32-10", 32, new[] { 64, 32, 10 }, Activation.Relu, false, seed => new Relu64x32x10(seed)),
        new BenchmarkCase("784-128-64-10", 64, new[] { 784, 128, 64, 10 }, Activation.Relu, false, seed => new Relu784x128x64x10(seed)),
        new BenchmarkCase("784-256-256-10", 128, new[] { 784, 256, 256, 10 }, Activation.Relu, false, seed => new Relu784x256x256x10(seed)),
        new BenchmarkCase("sigmoid-10x64", 32, new[] { 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 10 }, Activation.Sigmoid, false, seed => new Sigmoid10x64(seed)),
    };

    public static BenchmarkCase Find(string name) =>
        Array.Find((BenchmarkCase[])All, c => c.Name == name) ?? throw new ArgumentException($"No benchmark network named '{name}'.", nameof(name));

    /// <summary>
    /// Multiply-add FLOPs (2 per multiply-add) of the dense products of one step: forward, dW and dX per
    /// layer, except dX of the first layer, which neither SymGrad nor PyTorch computes (the input needs no gradient).
    /// </summary>
    public long DenseFlopsPerStep
    {
        get
        {
            long flops = 0;
            for (int k = 0; k + 1 < Widths.Count; k++)
            {
                long product = 2L * Batch * Widths[k] * Widths[k + 1];
                flops += product * (k == 0 ? 2 : 3);
            }
            return flops;
        }
    }

    public INetwork<float> CreateGenerated(int seed) => _createGenerated(seed);

    /// <summary>The generic implementation of the same network, starting from <paramref name="source"/>'s parameters.</summary>
    public GenericNetwork CreateGeneric(INetwork<float> source, bool useKernels)
    {
        var layers = new List<GenericLayer>();
        for (int k = 0; k + 1 < Widths.Count; k++)
        {
            layers.Add(new DenseLayer(Widths[k], Widths[k + 1], useKernels));
            if (k + 2 < Widths.Count)
            {
                layers.Add(Activation switch
                {
                    Activation.Relu => ActivationLayer.Relu(Widths[k + 1]),
                    Activation.Sigmoid => ActivationLayer.Sigmoid(Widths[k + 1]),
                    _ => ActivationLayer.Tanh(Widths[k + 1]),
                });
            }
        }
        GenericLoss loss = MeanSquaredError ? new MeanSquaredErrorLoss() : new SoftmaxCrossEntropyLoss();
        var network = new GenericNetwork(layers, loss, Batch);
        source.Parameters.CopyTo(network.Parameters);
        return network;
    }

    /// <summary>SGD with learning rate 0.01, as tools/bench_pytorch.py.</summary>
    public Optimizer CreateOptimizer() => new Sgd(learningRate: 0.01);

    /// <summary>A fixed batch: inputs in [0, 1), targets one-hot (classifiers) or in [-1, 1) (regression).</summary>
    public (float[] Inputs, float[] Targets) CreateBatch(int seed)
    {
        var random = new Random(seed);
        int inputs = Widths[0], outputs = Widths[^1];
        var x = new float[Batch * inputs];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = (float)random.NextDouble();
        }
        var t = new float[Batch * outputs];
        for (int b = 0; b < Batch; b++)
        {
            if (MeanSquaredError)
            {
                for (int j = 0; j < outputs; j++)
                {
                    t[b * outputs + j] = (float)(2 * random.NextDouble() - 1);
                }
            }
            else
            {
                t[b * outputs + random.Next(outputs)] = 1f;
            }
        }
        return (x, t);
    }
}
