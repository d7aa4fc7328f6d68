using System;
using System.Diagnostics;
using System.Threading;
using GradientLab.Networks;
using GradientLab.Studies;
using GradientLab.Training;
using SymGrad;
using SymGrad.Clipping;
using SymGrad.Data;

namespace GradientLab.Clipping;

/// <summary>The clipping study's setup; both runs (with and without clipping) get the same.</summary>
/// <param name="Steps">SGD steps.</param>
/// <param name="BatchSize">Images per step (2 to 64).</param>
/// <param name="LearningRate">Plain SGD's step size.</param>
/// <param name="InitScale">Every initial weight is multiplied by this (He init times InitScale): the per-layer gain of the forward and backward pass grows by it.</param>
/// <param name="MaxNorm">The global-norm clipping threshold of the clipped run.</param>
/// <param name="TrainingSamples">Batches come from the first this many training images.</param>
/// <param name="TestSamples">Accuracy on the first this many test images.</param>
public sealed record ClippingSettings(int Steps, int BatchSize, double LearningRate, double InitScale, double MaxNorm, int TrainingSamples, int TestSamples)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate(LabeledImages training, LabeledImages test)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps, nameof(Steps));
        if (BatchSize < 1 || BatchSize > ExplodingMlp.MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Expected a batch size in [1, {ExplodingMlp.MaxBatchSize}].");
        }
        RequirePositive(LearningRate, nameof(LearningRate));
        RequirePositive(InitScale, nameof(InitScale));
        RequirePositive(MaxNorm, nameof(MaxNorm));
        if (TrainingSamples < BatchSize || TrainingSamples > training.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSamples), TrainingSamples, $"Expected between the batch size {BatchSize} and the {training.Count} training images.");
        }
        if (TestSamples < 1 || TestSamples > test.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(TestSamples), TestSamples, $"Expected between 1 and the {test.Count} test images.");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Expected a positive, finite value.");
        }
    }
}

/// <summary>One run: per-step loss and global gradient norms before and after clipping.</summary>
/// <param name="Clipped">Whether global-norm clipping was on.</param>
/// <param name="Loss">Training loss per step (NaN or infinity once it diverged).</param>
/// <param name="NormBefore">||g||_2 per step before clipping.</param>
/// <param name="NormAfter">||g||_2 per step after clipping (equal to before without clipping).</param>
/// <param name="FiredCount">Steps at which clipping changed the gradient.</param>
/// <param name="FirstNonFiniteStep">The first step (from 1) whose loss or gradient norm was NaN or infinite; 0 when none.</param>
/// <param name="Accuracy">Test accuracy after the run (after a divergence, near chance: NaN outputs name no class reliably).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record ClippingRun(bool Clipped, double[] Loss, double[] NormBefore, double[] NormAfter, long FiredCount, int FirstNonFiniteStep, double Accuracy, double Seconds)
{
    /// <summary>Whether every loss and norm stayed finite.</summary>
    public bool StayedFinite => FirstNonFiniteStep == 0;
}

/// <summary>Trains <see cref="ExplodingMlp"/> from a scaled-up init with plain SGD, with or without global-norm clipping.</summary>
public static class ClippingExperiment
{
    private const ulong BatchStream = 0x434C_4950; // "CLIP"

    /// <summary>The run; the same seed gives both runs the same initial weights and batches.</summary>
    public static ClippingRun Run(bool clipped, ClippingSettings settings, LabeledImages training, LabeledImages test, int seed,
        IStudyTask? task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        settings.Validate(training, test);
        long start = Stopwatch.GetTimestamp();
        var network = new ExplodingMlp(seed);
        foreach (var view in network.ParameterViews)
        {
            if (view.Name.EndsWith(".Weight", StringComparison.Ordinal))
            {
                foreach (ref float w in network.Parameters.Slice(view.Offset, view.Length))
                {
                    w *= (float)settings.InitScale;
                }
            }
        }
        var clipping = clipped ? GradientClipping.GlobalNorm(settings.MaxNorm) : null;
        network.Clipping = clipping;

        var random = new SeededRandom(unchecked((ulong)seed) ^ BatchStream);
        var inputs = new float[settings.BatchSize * ExplodingMlp.InputSize];
        var targets = new float[settings.BatchSize * ExplodingMlp.OutputSize];
        var indices = new int[settings.BatchSize];
        var optimizer = new Sgd(settings.LearningRate);
        var loss = new double[settings.Steps];
        var before = new double[settings.Steps];
        var after = new double[settings.Steps];
        int firstNonFinite = 0;
        for (int step = 0; step < settings.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < indices.Length; i++)
            {
                indices[i] = random.NextInt(settings.TrainingSamples);
            }
            training.CopyBatch(indices, inputs, targets);
            loss[step] = network.TrainStep(inputs, targets, optimizer);
            before[step] = network.Statistics.GlobalNormBeforeClipping;
            after[step] = network.Statistics.GlobalNormAfterClipping;
            if (firstNonFinite == 0 && !double.IsFinite(loss[step] + before[step]))
            {
                firstNonFinite = step + 1;
            }
            task?.Report(step + 1);
        }
        double accuracy = StudyTraining.Accuracy(network, test, settings.TestSamples);
        return new ClippingRun(clipped, loss, before, after, clipping?.FiredCount ?? 0, firstNonFinite, accuracy, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
