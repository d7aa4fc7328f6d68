using System;
using System.Threading;
using SymGrad.Data;

namespace GradientLab.Studies;

/// <summary>What a running study gets from the runner: the seed, MNIST (loaded once, on first use), progress and cancellation.</summary>
public sealed class StudyContext
{
    private readonly Lazy<LabeledImages> _training;
    private readonly Lazy<LabeledImages> _test;

    /// <param name="seed">Seeds every network and every batch order of the study.</param>
    /// <param name="progress">Shows the study's tasks.</param>
    /// <param name="cancellationToken">Fires on Ctrl+C.</param>
    /// <param name="mnistDirectory">The folder of the IDX files; null: <see cref="Mnist.FindDataDirectory"/>.</param>
    public StudyContext(int seed, IStudyProgress progress, CancellationToken cancellationToken, string? mnistDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Seed = seed;
        Progress = progress;
        CancellationToken = cancellationToken;
        _training = new Lazy<LabeledImages>(() => Mnist.LoadTraining(mnistDirectory ?? Mnist.FindDataDirectory()));
        _test = new Lazy<LabeledImages>(() => Mnist.LoadTest(mnistDirectory ?? Mnist.FindDataDirectory()));
    }

    public int Seed { get; }

    public IStudyProgress Progress { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The 60,000 MNIST training images (loaded on first use; throws IOException or InvalidDataException when missing or corrupt).</summary>
    public LabeledImages Training => _training.Value;

    /// <summary>The 10,000 MNIST test images (loaded on first use).</summary>
    public LabeledImages Test => _test.Value;
}
