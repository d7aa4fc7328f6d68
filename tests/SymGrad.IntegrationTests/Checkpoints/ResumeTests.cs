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
        var straight = Train(data, Start(optimizerName), 2 * HalfSteps);

        var first = Train(data, Start(optimizerName), HalfSteps);
        string path = _files.PathOf("half" + Checkpoint.FileExtension);
        Checkpoint.Save(path, first.Network, first.Optimizer, first.Random);

        // Everything new and different: another init seed, a fresh optimizer with another learning rate, another stream.
        var resumed = new Run(new Classifier(seed: 12345), Create(optimizerName), new SeededRandom(1));
        resumed.Optimizer.LearningRate = 0.5;
        var info = Checkpoint.Load(path, resumed.Network, resumed.Optimizer, resumed.Random);
        Assert.Equal(HalfSteps, info.Step);
        Assert.Equal(HalfSteps, resumed.Optimizer.StepCount);
        Assert.Equal(first.Optimizer.LearningRate, resumed.Optimizer.LearningRate);
        Train(data, resumed, HalfSteps);

        CheckpointFiles.AssertBitEqual<float>(straight.Network.Parameters, resumed.Network.Parameters);
        Assert.Equal(straight.Optimizer.StepCount, resumed.Optimizer.StepCount);
        // The run did move: the parameters are not those of the checkpoint.
        Assert.False(first.Network.Parameters.SequenceEqual(resumed.Network.Parameters));
    }

    [Theory]
    [InlineData("adam", false, true)]  // a fresh Adam: no moments, bias correction restarts at step 1
    [InlineData("sgd", true, false)]   // the batch stream restarts from its seed instead of step 50
    public void Resuming_without_the_optimizer_or_random_state_differs_so_the_test_above_can_fail(string optimizerName, bool saveOptimizer, bool saveRandom)
    {
        var data = new TrainingData();
        var straight = Train(data, Start(optimizerName), 2 * HalfSteps);
        var first = Train(data, Start(optimizerName), HalfSteps);
        string path = _files.PathOf("partial.sgckpt");
        Checkpoint.Save(path, first.Network, saveOptimizer ? first.Optimizer : null, saveRandom ? first.Random : null);

        var resumed = Start(optimizerName);
        Checkpoint.Load(path, resumed.Network, saveOptimizer ? resumed.Optimizer : null, saveRandom ? resumed.Random : null);
        Train(data, resumed, HalfSteps);
        Assert.False(MemoryMarshal.AsBytes(straight.Network.Parameters).SequenceEqual(MemoryMarshal.AsBytes(resumed.Network.Parameters)));
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

    /// <summary>A training run: the network, its optimizer and the generator that draws its batches.</summary>
    private sealed record Run(Classifier Network, Optimizer Optimizer, SeededRandom Random);

    private static Run Start(string optimizerName) => new(new Classifier(seed: 7), Create(optimizerName), new SeededRandom(99));

    private static Run Train(TrainingData data, Run run, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            data.Step(run.Network, run.Optimizer, run.Random);
        }
        return run;
    }
}
