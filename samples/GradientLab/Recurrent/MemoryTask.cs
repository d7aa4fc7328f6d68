using System;
using SymGrad;

namespace GradientLab.Recurrent;

/// <summary>
/// The synthetic memory task: step 0 holds a one-hot class out of <see cref="Classes"/>, every later
/// step holds uniform noise in [-Noise, Noise], and the network must name the class after the last
/// step. Only the first input carries information, so the loss reaches it only through dL/dh_0.
/// </summary>
public sealed class MemoryTask
{
    /// <summary>Classes, also the features per step.</summary>
    public const int Classes = 4;

    private readonly SeededRandom _random;

    /// <param name="steps">The sequence length T.</param>
    /// <param name="noise">Half-width of the distractors' uniform noise.</param>
    /// <param name="seed">Seeds the sequences.</param>
    public MemoryTask(int steps, double noise, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (!(noise >= 0) || double.IsInfinity(noise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "Expected a finite noise amplitude >= 0.");
        }
        Steps = steps;
        Noise = noise;
        _random = new SeededRandom(seed);
    }

    public int Steps { get; }

    public double Noise { get; }

    /// <summary>Fills a batch: <paramref name="inputs"/> [batch, T * Classes], one-hot <paramref name="targets"/> [batch, Classes], <paramref name="labels"/> [batch].</summary>
    public void Fill(Span<float> inputs, Span<float> targets, Span<int> labels)
    {
        int batch = labels.Length;
        int width = Steps * Classes;
        if (inputs.Length != batch * width)
        {
            throw new ArgumentException($"Expected {batch * width} inputs ({batch} sequences of {Steps} x {Classes}), but got {inputs.Length}.", nameof(inputs));
        }
        if (targets.Length != batch * Classes)
        {
            throw new ArgumentException($"Expected {batch * Classes} targets ({batch} x {Classes}), but got {targets.Length}.", nameof(targets));
        }
        targets.Clear();
        for (int b = 0; b < batch; b++)
        {
            int label = _random.NextInt(Classes);
            labels[b] = label;
            targets[b * Classes + label] = 1;
            var row = inputs.Slice(b * width, width);
            row[..Classes].Clear();
            row[label] = 1;
            for (int i = Classes; i < width; i++)
            {
                row[i] = (float)_random.NextUniform(-Noise, Noise);
            }
        }
    }
}
