using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SymGrad;

/// <summary>
/// An optimizer's element-wise update, one vector or one element at a time, returning the new values and
/// the old ones. The built-in optimizers implement it as a ref struct over their buffers, so that one
/// update rule serves both <c>Step</c> and <c>StepAndMeasure</c> (see <see cref="MeasuredUpdate"/>).
/// </summary>
internal interface IElementwiseUpdate<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates the <c>Vector&lt;T&gt;.Count</c> elements from <paramref name="index"/> (in range: the caller checks).</summary>
    Vector<T> UpdateVector(int index, out Vector<T> before);

    /// <summary>Updates element <paramref name="index"/>.</summary>
    T UpdateElement(int index, out T before);
}

/// <summary>
/// The loop of the built-in optimizers. Outside the measured segments it only updates; inside, it also
/// adds Σ (p_after − p_before)² while the vectors are still in registers, so measuring costs no extra pass
/// over memory. The difference of two floats is taken in float (within half an ulp of the exact one: a
/// relative 6e-8), then widened, squared and summed in double in independent accumulators (one conversion per 8 floats with AVX-512), so a sum
/// over 10^5 values neither loses digits nor underflows or overflows where double would not.
/// </summary>
internal static class MeasuredUpdate
{
    public static void Run<T, TUpdate>(TUpdate update, int length, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TUpdate : IElementwiseUpdate<T>, allows ref struct
    {
        ParameterSegments.Validate(length, segments, updateSquares.Length);
        int n = Vector<T>.Count;
        int i = 0;
        // Pass s updates the gap before segment s, then measures the segment; the last pass (s == segments.Length) updates the rest.
        for (int s = 0; s <= segments.Length; s++)
        {
            int segmentStart = s < segments.Length ? segments[s].Offset : length;
            for (; i <= segmentStart - n; i += n)
            {
                update.UpdateVector(i, out _);
            }
            for (; i < segmentStart; i++)
            {
                update.UpdateElement(i, out _);
            }
            if (s == segments.Length)
            {
                break;
            }
            int end = segmentStart + segments[s].Length;
            // Four vectors per iteration, into four accumulators: the adds' latency stays hidden behind the update.
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector512<double> w0 = default, w1 = default, w2 = default, w3 = default;
            for (; i <= end - 4 * n; i += 4 * n)
            {
                var d0 = update.UpdateVector(i, out var before0) - before0;
                var d1 = update.UpdateVector(i + n, out var before1) - before1;
                var d2 = update.UpdateVector(i + 2 * n, out var before2) - before2;
                var d3 = update.UpdateVector(i + 3 * n, out var before3) - before3;
                if (typeof(T) == typeof(float) && Vector<float>.Count == 8 && Avx512F.IsSupported)
                {
                    // One vcvtps2pd zmm per 8 floats instead of two conversions and an extract.
                    w0 = Accumulate(Avx512F.ConvertToVector512Double(Vector.As<T, float>(d0).AsVector256()), w0);
                    w1 = Accumulate(Avx512F.ConvertToVector512Double(Vector.As<T, float>(d1).AsVector256()), w1);
                    w2 = Accumulate(Avx512F.ConvertToVector512Double(Vector.As<T, float>(d2).AsVector256()), w2);
                    w3 = Accumulate(Avx512F.ConvertToVector512Double(Vector.As<T, float>(d3).AsVector256()), w3);
                }
                else if (typeof(T) == typeof(float))
                {
                    a0 = AccumulateWidened(Vector.As<T, float>(d0), a0);
                    a1 = AccumulateWidened(Vector.As<T, float>(d1), a1);
                    a2 = AccumulateWidened(Vector.As<T, float>(d2), a2);
                    a3 = AccumulateWidened(Vector.As<T, float>(d3), a3);
                }
                else
                {
                    a0 = Accumulate(Vector.As<T, double>(d0), a0);
                    a1 = Accumulate(Vector.As<T, double>(d1), a1);
                    a2 = Accumulate(Vector.As<T, double>(d2), a2);
                    a3 = Accumulate(Vector.As<T, double>(d3), a3);
                }
            }
            for (; i <= end - n; i += n)
            {
                var d = update.UpdateVector(i, out var before) - before;
                a0 = typeof(T) == typeof(float) ? AccumulateWidened(Vector.As<T, float>(d), a0) : Accumulate(Vector.As<T, double>(d), a0);
            }
            double sum = Vector.Sum((a0 + a1) + (a2 + a3)) + Vector512.Sum((w0 + w1) + (w2 + w3));
            for (; i < end; i++)
            {
                T after = update.UpdateElement(i, out T before);
                double difference = double.CreateTruncating(after - before);
                sum += difference * difference;
            }
            updateSquares[s] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Accumulate(Vector<double> difference, Vector<double> accumulator) =>
        Vector.FusedMultiplyAdd(difference, difference, accumulator);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Accumulate(Vector512<double> difference, Vector512<double> accumulator) =>
        Vector512.FusedMultiplyAdd(difference, difference, accumulator);

    /// <summary>Adds the squares of a float vector's differences, widened to double, to the accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> AccumulateWidened(Vector<float> difference, Vector<double> accumulator)
    {
        Vector.Widen(difference, out var low, out var high);
        return Vector.FusedMultiplyAdd(high, high, Vector.FusedMultiplyAdd(low, low, accumulator));
    }
}
