using System;

namespace SymGrad.Data;

/// <summary>
/// A classification data set in memory: <see cref="Count"/> examples of <see cref="Features"/> pixels
/// scaled to [0, 1] (row-major, example after example) and one class label each, below <see cref="Classes"/>.
/// </summary>
public sealed class LabeledImages
{
    /// <param name="pixels">Count x <paramref name="features"/> values.</param>
    /// <param name="labels">One label per example, each below <paramref name="classes"/>.</param>
    /// <param name="features">Values per example.</param>
    /// <param name="classes">Number of classes (the width of a one-hot target).</param>
    public LabeledImages(float[] pixels, byte[] labels, int features, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if ((long)labels.Length * features != pixels.Length)
        {
            throw new ArgumentException(
                $"Expected {labels.Length} labels x {features} features = {(long)labels.Length * features} pixels, got {pixels.Length}.", nameof(pixels));
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
            {
                throw new ArgumentException($"Label {i} is {labels[i]}, not below the {classes} classes.", nameof(labels));
            }
        }
        Pixels = pixels;
        Labels = labels;
        Features = features;
        Classes = classes;
    }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>Values per example (784 for MNIST's 28 x 28).</summary>
    public int Features { get; }

    /// <summary>Number of classes, 10 for MNIST.</summary>
    public int Classes { get; }

    /// <summary>All examples, <see cref="Count"/> x <see cref="Features"/>, each value in [0, 1].</summary>
    public float[] Pixels { get; }

    /// <summary>The class of each example.</summary>
    public byte[] Labels { get; }

    /// <summary>The pixels of example <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Example(int index) => Pixels.AsSpan(checked(index * Features), Features);

    /// <summary>
    /// Gathers the examples at <paramref name="indices"/> into a batch: their pixels into the first
    /// indices.Length x <see cref="Features"/> values of <paramref name="inputs"/>, and their one-hot labels into the
    /// first indices.Length x <see cref="Classes"/> values of <paramref name="oneHotTargets"/> (skipped when it is empty).
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, <see cref="Count"/>).</exception>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> inputs, Span<float> oneHotTargets)
    {
        CheckBatch(indices, inputs.Length, oneHotTargets.Length);
        for (int b = 0; b < indices.Length; b++)
        {
            Example(indices[b]).CopyTo(inputs.Slice(b * Features, Features));
        }
        if (!oneHotTargets.IsEmpty)
        {
            oneHotTargets.Slice(0, indices.Length * Classes).Clear();
            for (int b = 0; b < indices.Length; b++)
            {
                oneHotTargets[b * Classes + Labels[indices[b]]] = 1f;
            }
        }
    }

    /// <inheritdoc cref="CopyBatch(ReadOnlySpan{int}, Span{float}, Span{float})"/>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<double> inputs, Span<double> oneHotTargets)
    {
        CheckBatch(indices, inputs.Length, oneHotTargets.Length);
        for (int b = 0; b < indices.Length; b++)
        {
            var source = Example(indices[b]);
            var target = inputs.Slice(b * Features, Features);
            for (int i = 0; i < source.Length; i++)
            {
                target[i] = source[i];
            }
        }
        if (!oneHotTargets.IsEmpty)
        {
            oneHotTargets.Slice(0, indices.Length * Classes).Clear();
            for (int b = 0; b < indices.Length; b++)
            {
                oneHotTargets[b * Classes + Labels[indices[b]]] = 1.0;
            }
        }
    }

    private void CheckBatch(ReadOnlySpan<int> indices, int inputsLength, int targetsLength)
    {
        if (inputsLength < (long)indices.Length * Features)
        {
            throw new ArgumentException(
                $"inputs has length {inputsLength}; expected at least {(long)indices.Length * Features} ({indices.Length} examples x {Features} features).", "inputs");
        }
        if (targetsLength != 0 && targetsLength < (long)indices.Length * Classes)
        {
            throw new ArgumentException(
                $"oneHotTargets has length {targetsLength}; expected at least {(long)indices.Length * Classes} ({indices.Length} examples x {Classes} classes).", "oneHotTargets");
        }
        for (int b = 0; b < indices.Length; b++)
        {
            if ((uint)indices[b] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException("indices", indices[b], $"indices[{b}] is outside [0, {Count}).");
            }
        }
    }
}
