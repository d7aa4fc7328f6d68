using System;
using System.Diagnostics;
using System.Threading;
using SymGrad;
using SymGrad.Data;

namespace GradientLab.Training;

/// <summary>
/// A plain minibatch training loop over any <see cref="INetwork{T}"/> of floats: each epoch shuffles the
/// training set (Fisher-Yates, seeded), takes one <see cref="INetwork{T}.TrainStep"/> per batch (the last,
/// partial batch included), then measures test accuracy with <see cref="INetwork{T}.Predict"/>.
/// Every buffer is allocated in the constructor, so the step loop allocates nothing.
/// </summary>
public sealed class Trainer
{
    // The shuffle stream is derived from the seed but differs from the initialization stream
    // (the generated constructor seeds SeededRandom with the seed itself).
    private const ulong ShuffleStream = 0x5348_5546_464C_4531; // "SHUFFLE1"

    private readonly INetwork<float> _network;
    private readonly Optimizer _optimizer;
    private readonly LabeledImages _training;
    private readonly LabeledImages _test;
    private readonly SeededRandom _shuffleRandom;
    private readonly int[] _order;
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly float[] _outputs;

    /// <param name="network">The network to train; its sizes must match the data.</param>
    /// <param name="optimizer">Applies each step's update.</param>
    /// <param name="training">Shuffled and trained on, batch by batch.</param>
    /// <param name="test">Held out: only used for accuracy.</param>
    /// <param name="batchSize">Samples per step, 1 to the network's MaxBatchSize.</param>
    /// <param name="seed">Seeds the shuffling, so that a run is reproducible.</param>
    public Trainer(INetwork<float> network, Optimizer optimizer, LabeledImages training, LabeledImages test, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, network.MaxBatchSize);
        RequireMatchingSizes(network, training, nameof(training));
        RequireMatchingSizes(network, test, nameof(test));

        _network = network;
        _optimizer = optimizer;
        _training = training;
        _test = test;
        BatchSize = batchSize;
        _shuffleRandom = new SeededRandom(unchecked((ulong)seed) ^ ShuffleStream);
        _order = new int[training.Count];
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
        _inputs = new float[batchSize * network.InputSize];
        _targets = new float[batchSize * network.OutputSize];
        _outputs = new float[network.MaxBatchSize * network.OutputSize];
    }

    /// <summary>Samples per training step.</summary>
    public int BatchSize { get; }

    /// <summary>Steps per epoch: ceil(training samples / batch size), the last batch possibly partial.</summary>
    public int BatchesPerEpoch => (_training.Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// One pass over the shuffled training set, then the test accuracy. <paramref name="progress"/> hears
    /// the number of completed steps after each step. Throws <see cref="OperationCanceledException"/>
    /// between steps once <paramref name="cancellationToken"/> fires.
    /// </summary>
    public EpochResult RunEpoch(int epoch, ITrainingProgress? progress, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        Shuffling.FisherYates(_order, _shuffleRandom);

        int inputSize = _network.InputSize;
        int outputSize = _network.OutputSize;
        double weightedLossSum = 0;
        int batchIndex = 0;
        for (int first = 0; first < _order.Length; first += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(BatchSize, _order.Length - first);
            var inputs = _inputs.AsSpan(0, count * inputSize);
            var targets = _targets.AsSpan(0, count * outputSize);
            _training.CopyBatch(_order.AsSpan(first, count), inputs, targets);

            float loss = _network.TrainStep(inputs, targets, _optimizer);

            // The loss is a mean over the batch: weight it by the batch's size so that the
            // epoch's mean is over samples even when the last batch is partial.
            weightedLossSum += (double)loss * count;
            progress?.Report(++batchIndex);
        }

        double accuracy = Evaluate();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new EpochResult(epoch, weightedLossSum / _order.Length, accuracy, seconds);
    }

    /// <summary>Fraction of the test set whose largest output is at the true label.</summary>
    public double Evaluate()
    {
        int inputSize = _network.InputSize;
        int outputSize = _network.OutputSize;
        int chunk = _network.MaxBatchSize;
        int correct = 0;
        for (int first = 0; first < _test.Count; first += chunk)
        {
            int count = Math.Min(chunk, _test.Count - first);
            var outputs = _outputs.AsSpan(0, count * outputSize);
            _network.Predict(_test.Pixels.AsSpan(first * inputSize, count * inputSize), outputs);
            correct += Scoring.CountCorrect(outputs, _test.Labels.AsSpan(first, count), outputSize);
        }
        return _test.Count == 0 ? 0 : (double)correct / _test.Count;
    }

    private static void RequireMatchingSizes(INetwork<float> network, LabeledImages data, string name)
    {
        if (data.Features != network.InputSize || data.Classes != network.OutputSize)
        {
            throw new ArgumentException(
                $"The network takes {network.InputSize} inputs and gives {network.OutputSize} outputs, but the data has {data.Features} features and {data.Classes} classes.",
                name);
        }
    }
}
