using System;
using System.Diagnostics;
using System.Threading;
using GradientLab.Networks;
using GradientLab.Studies;
using SymGrad;
using SymGrad.Instrumentation;

namespace GradientLab.Recurrent;

/// <summary>The recurrent study's knobs; every cell and length gets the same.</summary>
/// <param name="Steps">Adam steps of training.</param>
/// <param name="BatchSize">Sequences per step (at most 32, the networks' MaxBatchSize).</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="Noise">Half-width of the distractors' noise.</param>
/// <param name="ProbeBatches">Batches whose ||dL/dh_t|| is averaged for each curve (the same sequences for every cell).</param>
/// <param name="TestSequences">Fresh sequences for the accuracy.</param>
/// <param name="ForgetBias">Added to the LSTM's forget-gate bias b_if after initialization (Jozefowicz et al. 2015 recommend 1; 0 keeps PyTorch's init).</param>
public sealed record RecurrentSettings(int Steps, int BatchSize, double LearningRate, double Noise, int ProbeBatches, int TestSequences, double ForgetBias)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Steps, nameof(Steps));
        if (BatchSize < 1 || BatchSize > RecurrentExperiment.MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Expected a batch size in [1, {RecurrentExperiment.MaxBatchSize}].");
        }
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Expected a positive, finite learning rate.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ProbeBatches, nameof(ProbeBatches));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TestSequences, nameof(TestSequences));
        if (!double.IsFinite(ForgetBias))
        {
            throw new ArgumentOutOfRangeException(nameof(ForgetBias), ForgetBias, "Expected a finite forget-gate bias.");
        }
    }
}

/// <summary>One cell at one length.</summary>
/// <param name="Cell">RNN, LSTM or GRU.</param>
/// <param name="Length">T.</param>
/// <param name="GradientAtInitialization">Mean ||dL/dh_t|| over the probe batches, t = 0 .. T - 1, before training.</param>
/// <param name="GradientAfterTraining">The same after training.</param>
/// <param name="Accuracy">Fraction of the test sequences whose class the trained network names.</param>
/// <param name="FinalLoss">Mean training loss over the last tenth of the steps.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record RecurrentRun(string Cell, int Length, double[] GradientAtInitialization, double[] GradientAfterTraining,
    double Accuracy, double FinalLoss, double Seconds)
{
    /// <summary>||dL/dh_0|| / ||dL/dh_{T-1}|| at initialization: how much of the last step's gradient reaches the first input.</summary>
    public double RatioAtInitialization => GradientAtInitialization[0] / GradientAtInitialization[^1];
}

/// <summary>Trains one recurrent network on the memory task and measures dL/dh_t before and after.</summary>
public static class RecurrentExperiment
{
    /// <summary>The networks' MaxBatchSize.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>The cells, in the order of the tables.</summary>
    public static readonly string[] Cells = { "RNN", "LSTM", "GRU" };

    /// <summary>The lengths with a generated network (T is a compile-time constant).</summary>
    public static readonly int[] Lengths = { 10, 20, 50 };

    // Seed streams: the probe and test sequences are the same for every cell; training batches per seed.
    private const ulong ProbeStream = 0x5052_4F42, TestStream = 0x5445_5354, TrainStream = 0x5452_4149;

    /// <summary>The generated network for <paramref name="cell"/> at length <paramref name="length"/>.</summary>
    /// <exception cref="ArgumentException">No such network.</exception>
    public static InstrumentedNetwork Create(string cell, int length, int seed)
    {
        return (cell, length) switch
        {
            ("RNN", 10) => Wrap(new MemoryRnnT10(seed), n => n.Statistics),
            ("RNN", 20) => Wrap(new MemoryRnnT20(seed), n => n.Statistics),
            ("RNN", 50) => Wrap(new MemoryRnnT50(seed), n => n.Statistics),
            ("LSTM", 10) => Wrap(new MemoryLstmT10(seed), n => n.Statistics),
            ("LSTM", 20) => Wrap(new MemoryLstmT20(seed), n => n.Statistics),
            ("LSTM", 50) => Wrap(new MemoryLstmT50(seed), n => n.Statistics),
            ("GRU", 10) => Wrap(new MemoryGruT10(seed), n => n.Statistics),
            ("GRU", 20) => Wrap(new MemoryGruT20(seed), n => n.Statistics),
            ("GRU", 50) => Wrap(new MemoryGruT50(seed), n => n.Statistics),
            _ => throw new ArgumentException($"No memory network for cell '{cell}' at T = {length}; cells: {string.Join(", ", Cells)}; lengths: {string.Join(", ", Lengths)}.", nameof(length)),
        };

        static InstrumentedNetwork Wrap<TNet>(TNet net, Func<TNet, GradientStatistics> statistics) where TNet : INetwork<float> =>
            new(net, statistics(net));
    }

    /// <summary>Runs <paramref name="cell"/> at <paramref name="length"/>: probe, train, probe, test. <paramref name="task"/> hears each step.</summary>
    public static RecurrentRun Run(string cell, int length, RecurrentSettings settings, int seed, IStudyTask? task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        long start = Stopwatch.GetTimestamp();
        var (network, statistics) = Create(cell, length, seed);
        if (cell == "LSTM")
        {
            ShiftForgetBias(network, settings.ForgetBias);
        }
        var atInitialization = Probe(network, statistics, length, settings, seed);

        var training = new MemoryTask(length, settings.Noise, unchecked((ulong)seed) ^ TrainStream);
        var optimizer = new Adam(settings.LearningRate);
        var inputs = new float[settings.BatchSize * network.InputSize];
        var targets = new float[settings.BatchSize * MemoryTask.Classes];
        var labels = new int[settings.BatchSize];
        int tail = Math.Max(1, settings.Steps / 10);
        double tailLoss = 0;
        for (int step = 0; step < settings.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            training.Fill(inputs, targets, labels);
            float loss = network.TrainStep(inputs, targets, optimizer);
            if (step >= settings.Steps - tail)
            {
                tailLoss += loss;
            }
            task?.Report(step + 1);
        }
        var afterTraining = Probe(network, statistics, length, settings, seed);
        double accuracy = Accuracy(network, length, settings);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new RecurrentRun(cell, length, atInitialization, afterTraining, accuracy, settings.Steps == 0 ? double.NaN : tailLoss / tail, seconds);
    }

    /// <summary>Adds <paramref name="shift"/> to the forget-gate block [H, 2H) of the LSTM's b_ih (gates i, f, g, o).</summary>
    private static void ShiftForgetBias(INetwork<float> network, double shift)
    {
        foreach (var view in network.ParameterViews)
        {
            if (view.Name == "cell.InputHidden.Bias")
            {
                int hidden = view.Columns / 4;
                var bias = network.Parameters.Slice(view.Offset + hidden, hidden);
                for (int i = 0; i < bias.Length; i++)
                {
                    bias[i] += (float)shift;
                }
                return;
            }
        }
        throw new InvalidOperationException("The LSTM network has no 'cell.InputHidden.Bias' view.");
    }

    /// <summary>Mean ||dL/dh_t|| over the probe batches (the same sequences for every cell and seed).</summary>
    private static double[] Probe(INetwork<float> network, GradientStatistics statistics, int length, RecurrentSettings settings, int seed)
    {
        var probe = new MemoryTask(length, settings.Noise, ProbeStream);
        var inputs = new float[MaxBatchSize * network.InputSize];
        var targets = new float[MaxBatchSize * MemoryTask.Classes];
        var labels = new int[MaxBatchSize];
        var sums = new double[length];
        for (int b = 0; b < settings.ProbeBatches; b++)
        {
            probe.Fill(inputs, targets, labels);
            network.ComputeGradients(inputs, targets);
            var norms = statistics.TimeSteps!.HiddenGradientNorms(0);
            for (int t = 0; t < length; t++)
            {
                sums[t] += norms[t] / settings.ProbeBatches;
            }
        }
        return sums;
    }

    private static double Accuracy(INetwork<float> network, int length, RecurrentSettings settings)
    {
        var test = new MemoryTask(length, settings.Noise, TestStream);
        var inputs = new float[MaxBatchSize * network.InputSize];
        var targets = new float[MaxBatchSize * MemoryTask.Classes];
        var labels = new int[MaxBatchSize];
        var logits = new float[MaxBatchSize * MemoryTask.Classes];
        int correct = 0;
        for (int done = 0; done < settings.TestSequences; done += MaxBatchSize)
        {
            int batch = Math.Min(MaxBatchSize, settings.TestSequences - done);
            var x = inputs.AsSpan(0, batch * network.InputSize);
            test.Fill(x, targets.AsSpan(0, batch * MemoryTask.Classes), labels.AsSpan(0, batch));
            network.Predict(x, logits.AsSpan(0, batch * MemoryTask.Classes));
            for (int b = 0; b < batch; b++)
            {
                var row = logits.AsSpan(b * MemoryTask.Classes, MemoryTask.Classes);
                int best = 0;
                for (int k = 1; k < row.Length; k++)
                {
                    if (row[k] > row[best])
                    {
                        best = k;
                    }
                }
                correct += best == labels[b] ? 1 : 0;
            }
        }
        return (double)correct / settings.TestSequences;
    }
}
