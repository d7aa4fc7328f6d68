using System;
using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

/// <summary>
/// A fixed synthetic data set and a trainer-like step that draws each batch with a <see cref="SeededRandom"/>,
/// so that resuming needs the generator's state as well as the network's and the optimizer's.
/// </summary>
internal sealed class TrainingData
{
    public const int Samples = 64;
    public const int Batch = 8;

    private readonly float[] _inputs = new float[Samples * 4];
    private readonly int[] _labels = new int[Samples];
    private readonly float[] _batchInputs = new float[Batch * 4];
    private readonly int[] _batchLabels = new int[Batch];

    public TrainingData(ulong seed = 2026)
    {
        var random = new SeededRandom(seed);
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = (float)random.NextUniform(-2, 2);
        }
        for (int s = 0; s < Samples; s++)
        {
            // A learnable rule: the class is the index of the largest of the first three features.
            var x = _inputs.AsSpan(s * 4, 3);
            _labels[s] = x[0] >= x[1] && x[0] >= x[2] ? 0 : x[1] >= x[2] ? 1 : 2;
        }
    }

    /// <summary>One training step on a batch drawn with <paramref name="random"/>, by class labels.</summary>
    public float Step(Classifier network, Optimizer optimizer, SeededRandom random)
    {
        Draw(random);
        return network.TrainStep(_batchInputs, _batchLabels, optimizer);
    }

    private void Draw(SeededRandom random)
    {
        for (int b = 0; b < Batch; b++)
        {
            int s = random.NextInt(Samples);
            _inputs.AsSpan(s * 4, 4).CopyTo(_batchInputs.AsSpan(b * 4));
            _batchLabels[b] = _labels[s];
        }
    }
}
