using System;
using System.Runtime.InteropServices;
using SymGrad.Checkpoints;
using SymGrad.IntegrationTests.Networks;

namespace SymGrad.IntegrationTests.Checkpoints;

/// <summary>
/// Resume is bit-exact: 100 steps straight equal 50 steps, save, load into new instances (network,
/// optimizer, random generator all constructed differently), 50 steps.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private const int HalfSteps = 50;
    private readonly CheckpointFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Optimizers => new() { "sgd", "momentum", "adam", "adamw" };

    private static Optimizer Create(string name) => name switch
    {
        "sgd" => new Sgd(learningRate: 0.05),
        "momentum" => new Momentum(learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-4),
        "adam" => new Adam(learningRate: 0.01, weightDecay: 1e-4),
        _ => new AdamW(learningRate: 0.01),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Hundred_steps_straight_equal_fifty_then_save_load_fifty(string optimizerName)
    {
        var data = new TrainingData();
        float[] straight = TrainStraight(data, optimizerName, 2 * HalfSteps, out var straightOptimizer);

        var first = new Classifier(seed: 7);
        var firstOptimizer = Create(optimizerName);
        var firstRandom = new SeededRandom(99);
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(first, firstOptimizer, firstRandom);
        }
        string path = _files.PathOf("half" + Checkpoint.FileExtension);
        Checkpoint.Save(path, first, firstOptimizer, firstRandom);

        // Everything new and different: another init seed, a fresh optimizer with another learning rate, another stream.
        var resumed = new Classifier(seed: 12345);
        var resumedOptimizer = Create(optimizerName);
        resumedOptimizer.LearningRate = 0.5;
        var resumedRandom = new SeededRandom(1);
        var info = Checkpoint.Load(path, resumed, resumedOptimizer, resumedRandom);
        Assert.Equal(HalfSteps, info.Step);
        Assert.Equal(HalfSteps, resumedOptimizer.StepCount);
        Assert.Equal(firstOptimizer.LearningRate, resumedOptimizer.LearningRate);
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(resumed, resumedOptimizer, resumedRandom);
        }

        CheckpointFiles.AssertBitEqual<float>(straight, resumed.Parameters);
        Assert.Equal(straightOptimizer.StepCount, resumedOptimizer.StepCount);
        // The run did move: the parameters are not those of the checkpoint.
        Assert.False(first.Parameters.SequenceEqual(resumed.Parameters));
    }

    [Fact]
    public void Resuming_without_the_optimizer_state_differs_so_the_test_above_can_fail()
    {
        var data = new TrainingData();
        float[] straight = TrainStraight(data, "adam", 2 * HalfSteps, out _);
        var first = new Classifier(seed: 7);
        var optimizer = Create("adam");
        var random = new SeededRandom(99);
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(first, optimizer, random);
        }
        string path = _files.PathOf("no-optimizer.sgckpt");
        Checkpoint.Save(path, first, optimizer: null, random);

        var resumed = new Classifier(seed: 7);
        var freshOptimizer = Create("adam");
        var resumedRandom = new SeededRandom(1);
        Checkpoint.Load(path, resumed, optimizer: null, resumedRandom);
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(resumed, freshOptimizer, resumedRandom);
        }
        Assert.False(MemoryMarshal.AsBytes(straight.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(resumed.Parameters)));
    }

    [Fact]
    public void Resuming_without_the_random_state_differs_so_the_test_above_can_fail()
    {
        var data = new TrainingData();
        float[] straight = TrainStraight(data, "sgd", 2 * HalfSteps, out _);
        var first = new Classifier(seed: 7);
        var optimizer = Create("sgd");
        var random = new SeededRandom(99);
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(first, optimizer, random);
        }
        string path = _files.PathOf("no-random.sgckpt");
        Checkpoint.Save(path, first, optimizer);

        var resumed = new Classifier(seed: 7);
        var resumedOptimizer = Create("sgd");
        Checkpoint.Load(path, resumed, resumedOptimizer);
        var restartedRandom = new SeededRandom(99); // the stream from its start, not from step 50
        for (int s = 0; s < HalfSteps; s++)
        {
            data.Step(resumed, resumedOptimizer, restartedRandom);
        }
        Assert.False(MemoryMarshal.AsBytes(straight.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(resumed.Parameters)));
    }

    [Fact]
    public void A_double_network_round_trips_bit_for_bit_through_a_stream()
    {
        var network = new DoubleClassifier(seed: 3);
        network.Parameters[5] = -0.0; // sign of zero and subnormals survive
        network.Parameters[6] = double.Epsilon;
        var stream = new System.IO.MemoryStream();
        Checkpoint.Save(stream, network, step: 17);
        stream.Position = 0;
        var copy = new DoubleClassifier(seed: 4);
        var info = Checkpoint.Load(stream, copy);
        CheckpointFiles.AssertBitEqual<double>(network.Parameters, copy.Parameters);
        Assert.Equal(17, info.Step);
        Assert.Equal(Precision.Double, info.Precision);
        Assert.Equal(typeof(DoubleClassifier).FullName, info.NetworkType);
        Assert.Null(info.OptimizerType);
    }

    [Fact]
    public void Saving_replaces_the_file_and_leaves_no_temporary_file()
    {
        string path = _files.PathOf("model.sgckpt");
        Checkpoint.Save(path, new Classifier(seed: 1), step: 1);
        Checkpoint.Save(path, new Classifier(seed: 2), step: 2);
        Assert.Equal(new[] { path }, System.IO.Directory.GetFiles(_files.Directory));
        Assert.Equal(2, Checkpoint.ReadInfo(path).Step);
    }

    private static float[] TrainStraight(TrainingData data, string optimizerName, int steps, out Optimizer optimizer)
    {
        var network = new Classifier(seed: 7);
        optimizer = Create(optimizerName);
        var random = new SeededRandom(99);
        for (int s = 0; s < steps; s++)
        {
            data.Step(network, optimizer, random);
        }
        return network.Parameters.ToArray();
    }
}
