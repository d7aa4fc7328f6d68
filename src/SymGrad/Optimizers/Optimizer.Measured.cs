using System;
using System.Numerics;
using SymGrad.Instrumentation;

namespace SymGrad;

// StepAndMeasure: one update plus, per parameter segment, how far it moved the values (the numerator of
// gradient instrumentation's update/weight ratio). The built-in optimizers override it with a fused
// loop; the implementation here works for any optimizer through a snapshot.
public abstract partial class Optimizer
{
    private float[]? _floatSnapshot;
    private double[]? _doubleSnapshot;

    /// <summary>
    /// One <see cref="Step(Span{float}, ReadOnlySpan{float})"/>, and for each of <paramref name="segments"/>
    /// the squared L2 norm of its update, Σ (p_after − p_before)² accumulated in double (NaN or ∞ when an element
    /// is), written to the same index of <paramref name="updateSquares"/>. Instrumented networks call this from
    /// <c>TrainStep</c> with one segment per layer's weight matrix and divide by ‖W_before‖² for the update/weight ratio.
    /// </summary>
    /// <remarks>
    /// The parameters end exactly as <see cref="Step(Span{float}, ReadOnlySpan{float})"/> leaves them.
    /// <see cref="Sgd"/>, <see cref="Momentum"/>, <see cref="Adam"/> and <see cref="AdamW"/> measure inside their
    /// own update, block by block while the values are in the L1 cache (float lanes summed per block of
    /// 512 values and widened to double; a block whose float sum could have underflowed or overflowed is
    /// summed again in double), so measuring adds no pass over memory. This base implementation, used by an
    /// optimizer that does not override it, copies the segments into a buffer that it allocates on first use
    /// and reuses (so later steps allocate nothing), calls <c>Step</c>, and compares. An override must apply
    /// <c>Step</c>'s update exactly once.
    /// </remarks>
    /// <param name="parameters">The flat parameter buffer, updated in place.</param>
    /// <param name="gradients">The flat gradient buffer, as long as <paramref name="parameters"/>.</param>
    /// <param name="segments">Slices of the buffer, in increasing order of offset, not overlapping.</param>
    /// <param name="updateSquares">One result per segment.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a segment is out of range, overlaps or is out of order.</exception>
    public virtual void StepAndMeasure(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares)
    {
        float[] snapshot = Snapshot(ref _floatSnapshot, parameters, segments, updateSquares.Length);
        Step(parameters, gradients);
        Compare<float>(parameters, segments, updateSquares, snapshot);
    }

    /// <inheritdoc cref="StepAndMeasure(Span{float}, ReadOnlySpan{float}, ReadOnlySpan{ParameterSegment}, Span{double})"/>
    public virtual void StepAndMeasure(Span<double> parameters, ReadOnlySpan<double> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares)
    {
        double[] snapshot = Snapshot(ref _doubleSnapshot, parameters, segments, updateSquares.Length);
        Step(parameters, gradients);
        Compare<double>(parameters, segments, updateSquares, snapshot);
    }

    /// <summary>Validates the segments and copies them, one after the other, into <paramref name="buffer"/> (grown when too short).</summary>
    private static T[] Snapshot<T>(ref T[]? buffer, ReadOnlySpan<T> parameters, ReadOnlySpan<ParameterSegment> segments, int updatesLength)
    {
        int total = ParameterSegments.Validate(parameters.Length, segments, updatesLength);
        if (buffer is null || buffer.Length < total)
        {
            buffer = new T[total];
        }
        int at = 0;
        foreach (var segment in segments)
        {
            parameters.Slice(segment.Offset, segment.Length).CopyTo(buffer.AsSpan(at));
            at += segment.Length;
        }
        return buffer;
    }

    /// <summary>Each segment's squared update, from the snapshot.</summary>
    private static void Compare<T>(ReadOnlySpan<T> parameters, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares, T[] snapshot)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int at = 0;
        for (int s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            updateSquares[s] = Reductions.SumOfSquaredDifferences(parameters.Slice(segment.Offset, segment.Length), snapshot.AsSpan(at, segment.Length));
            at += segment.Length;
        }
    }
}
