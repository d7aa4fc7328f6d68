using System;

namespace GradientLab.Training;

/// <summary>Classification scoring of a batch of network outputs.</summary>
public static class Scoring
{
    /// <summary>Index of the largest value (the first one on ties; a NaN loses to any number).</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best] || float.IsNaN(row[best]))
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>How many rows of <paramref name="outputs"/> ([labels.Length, classes]) have their argmax at the label.</summary>
    public static int CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<byte> labels, int classes)
    {
        if (outputs.Length != labels.Length * classes)
        {
            throw new ArgumentException($"Expected {labels.Length} x {classes} = {labels.Length * classes} outputs, got {outputs.Length}.", nameof(outputs));
        }
        int correct = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            if (ArgMax(outputs.Slice(row * classes, classes)) == labels[row])
            {
                correct++;
            }
        }
        return correct;
    }
}
