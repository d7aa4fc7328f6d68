using System;
using System.Diagnostics;
using GradientLab.Training;
using SymGrad;
using SymGrad.Data;
using SymGrad.Instrumentation;

namespace GradientLab.Studies;

/// <summary>The training budget a study gives every network alike.</summary>
/// <param name="Steps">SGD steps.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Plain SGD's step size: no momentum or Adam, whose per-parameter scaling would hide a vanishing gradient.</param>
/// <param name="ObserveEvery">The monitor records every this many steps (it allocates a copy per observation).</param>
/// <param name="TrainingSamples">Batches are drawn from the first this many training images (all: 60,000).</param>
/// <param name="TestSamples">Accuracy is measured on the first this many test images (all: 10,000).</param>
public sealed record TrainingBudget(int Steps, int BatchSize, double LearningRate, int ObserveEvery, int TrainingSamples, int TestSamples)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate(INetwork<float> network, LabeledImages training, LabeledImages test)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Steps, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ObserveEvery, nameof(ObserveEvery));
        if (BatchSize < 2 || BatchSize > network.MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Expected a batch size in [2, {network.MaxBatchSize}] (batch norm needs two samples).");
        }
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Expected a positive, finite learning rate.");
        }
        if (TrainingSamples < BatchSize || TrainingSamples > training.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSamples), TrainingSamples, $"Expected between the batch size {BatchSize} and the {training.Count} training images.");
        }
        if (TestSamples < 1 || TestSamples > test.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(TestSamples), TestSamples, $"Expected between 1 and the {test.Count} test images.");
        }
    }
}

/// <summary>What training one network produced.</summary>
/// <param name="AtInitialization">One observed ComputeGradients on the first training batch, before any update.</param>
/// <param name="OverTraining">Observations every <see cref="TrainingBudget.ObserveEvery"/> steps, the initialization first.</param>
/// <param name="TestAccuracy">Fraction of the test images classified correctly after training.</param>
/// <param name="FinalLoss">Mean training loss over the last tenth of the steps (NaN when it diverged).</param>
/// <param name="Seconds">Wall time of the training and evaluation.</param>
public sealed record TrainingOutcome(GradientMonitor AtInitialization, GradientMonitor OverTraining, double TestAccuracy, double FinalLoss, double Seconds);

/// <summary>Trains an instrumented network with plain SGD for a fixed budget, watching its gradients.</summary>
public static class StudyTraining
{
    // The batch stream differs from the initialization stream (the generated constructor uses the seed itself).
    private const ulong BatchStream = 0x5354_5544_5942_4154; // "STUDYBAT"

    /// <summary>
    /// Observes the gradients at initialization, then takes <see cref="TrainingBudget.Steps"/> SGD steps on
    /// batches drawn without replacement from a seeded shuffle of the training subset (reshuffled after
    /// each pass), then measures test accuracy with <c>Predict</c>. <paramref name="task"/> hears each step.
    /// </summary>
    public static TrainingOutcome Train(InstrumentedNetwork instrumented, LabeledImages training, LabeledImages test,
        TrainingBudget budget, int seed, IStudyTask? task, System.Threading.CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instrumented);
        ArgumentNullException.ThrowIfNull(budget);
        var network = instrumented.Network;
        budget.Validate(network, training, test);
        long start = Stopwatch.GetTimestamp();

        var random = new SeededRandom(unchecked((ulong)seed) ^ BatchStream);
        var order = new int[budget.TrainingSamples];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Shuffling.FisherYates(order, random);
        var inputs = new float[budget.BatchSize * network.InputSize];
        var targets = new float[budget.BatchSize * network.OutputSize];
        int next = 0;
        void NextBatch()
        {
            if (next + budget.BatchSize > order.Length)
            {
                Shuffling.FisherYates(order, random);
                next = 0;
            }
            training.CopyBatch(order.AsSpan(next, budget.BatchSize), inputs, targets);
            next += budget.BatchSize;
        }

        var atInit = new GradientMonitor(window: 1);
        // The verdict after training averages the last quarter of the observations.
        int observations = budget.Steps / budget.ObserveEvery + 1;
        var overTraining = new GradientMonitor(window: Math.Max(1, observations / 4));
        NextBatch();
        network.ComputeGradients(inputs, targets);
        atInit.Observe(instrumented.Statistics);
        overTraining.Observe(instrumented.Statistics);
        next = 0; // the first training step sees the same batch the initialization was measured on

        var optimizer = new Sgd(budget.LearningRate);
        int tail = Math.Max(1, budget.Steps / 10);
        double tailLoss = 0;
        for (int step = 1; step <= budget.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NextBatch();
            float loss = network.TrainStep(inputs, targets, optimizer);
            if (step > budget.Steps - tail)
            {
                tailLoss += loss;
            }
            if (step % budget.ObserveEvery == 0)
            {
                overTraining.Observe(instrumented.Statistics);
            }
            task?.Report(step);
        }
        double accuracy = Accuracy(network, test, budget.TestSamples);
        return new TrainingOutcome(atInit, overTraining, accuracy, budget.Steps == 0 ? double.NaN : tailLoss / Math.Min(tail, budget.Steps),
            Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Fraction of the first <paramref name="count"/> test images whose largest output is the label.</summary>
    public static double Accuracy(INetwork<float> network, LabeledImages test, int count)
    {
        var outputs = new float[network.MaxBatchSize * network.OutputSize];
        int correct = 0;
        for (int first = 0; first < count; first += network.MaxBatchSize)
        {
            int n = Math.Min(network.MaxBatchSize, count - first);
            var batch = outputs.AsSpan(0, n * network.OutputSize);
            network.Predict(test.Pixels.AsSpan(first * network.InputSize, n * network.InputSize), batch);
            correct += Scoring.CountCorrect(batch, test.Labels.AsSpan(first, n), network.OutputSize);
        }
        return (double)correct / count;
    }
}
