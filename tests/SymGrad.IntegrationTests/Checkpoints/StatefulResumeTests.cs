using System;
using SymGrad.Checkpoints;
using SymGrad.IntegrationTests.Networks;

namespace SymGrad.IntegrationTests.Checkpoints;

/// <summary>
/// A network with batch norm and dropout resumes bit for bit: the checkpoint carries the running
/// statistics and the dropout step, not only the parameters.
/// </summary>
public sealed class StatefulResumeTests : IDisposable
{
    private const int HalfSteps = 10;
    private readonly CheckpointFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Running_statistics_and_dropout_step_survive_save_and_load()
    {
        var (inputs, targets) = Batch();
        var straight = new DropoutDouble(seed: 5);
        var straightSgd = new Sgd(0.05);
        Train(straight, straightSgd, inputs, targets, 2 * HalfSteps);

        var first = new DropoutDouble(seed: 5);
        var firstSgd = new Sgd(0.05);
        Train(first, firstSgd, inputs, targets, HalfSteps);
        string path = _files.PathOf("stateful" + Checkpoint.FileExtension);
        Checkpoint.Save(path, first, firstSgd);

        var resumed = new DropoutDouble(seed: 6);
        var resumedSgd = new Sgd(0.05);
        Checkpoint.Load(path, resumed, resumedSgd);
        Assert.Equal(HalfSteps, resumed.DropoutStep);
        CheckpointFiles.AssertBitEqual<double>(first.State, resumed.State);
        Train(resumed, resumedSgd, inputs, targets, HalfSteps);

        CheckpointFiles.AssertBitEqual<double>(straight.Parameters, resumed.Parameters);
        CheckpointFiles.AssertBitEqual<double>(straight.State, resumed.State);
        Assert.Equal(straight.DropoutStep, resumed.DropoutStep);
        // The running statistics did move away from their initial values (mean 0, variance 1).
        Assert.False(new DropoutDouble(seed: 5).State.SequenceEqual(straight.State));
    }

    [Fact]
    public void Without_the_state_the_resumed_run_differs_so_the_test_above_can_fail()
    {
        var (inputs, targets) = Batch();
        var straight = new DropoutDouble(seed: 5);
        Train(straight, new Sgd(0.05), inputs, targets, 2 * HalfSteps);

        var first = new DropoutDouble(seed: 5);
        var sgd = new Sgd(0.05);
        Train(first, sgd, inputs, targets, HalfSteps);
        // Parameters alone, copied by hand: the running statistics and the dropout step stay at their start.
        var resumed = new DropoutDouble(seed: 5);
        first.Parameters.CopyTo(resumed.Parameters);
        Train(resumed, sgd, inputs, targets, HalfSteps);

        Assert.False(straight.Parameters.SequenceEqual(resumed.Parameters));
    }

    private static (double[] Inputs, double[] Targets) Batch()
    {
        var random = new SeededRandom(11);
        var inputs = new double[8 * DropoutDouble.InputSize];
        var targets = new double[8 * DropoutDouble.OutputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextUniform(-1, 1);
        }
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextUniform(-1, 1);
        }
        return (inputs, targets);
    }

    private static void Train(DropoutDouble network, Optimizer optimizer, double[] inputs, double[] targets, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            network.TrainStep(inputs, targets, optimizer);
        }
    }
}
