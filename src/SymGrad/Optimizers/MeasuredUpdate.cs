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
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector512<double> w0 = default, w1 = default;
            for (; i <= end - 2 * n; i += 2 * n)
            {
                var after0 = update.UpdateVector(i, out var before0);
                var after1 = update.UpdateVector(i + n, out var before1);
                if (typeof(T) == typeof(float) && Vector<float>.Count == 8 && Avx512F.IsSupported)
                {
                    // One vcvtps2pd zmm per 8 floats instead of two conversions and an extract.
                    var wide0 = Avx512F.ConvertToVector512Double(Vector.As<T, float>(after0 - before0).AsVector256());
                    var wide1 = Avx512F.ConvertToVector512Double(Vector.As<T, float>(after1 - before1).AsVector256());
                    w0 = Vector512.FusedMultiplyAdd(wide0, wide0, w0);
                    w1 = Vector512.FusedMultiplyAdd(wide1, wide1, w1);
                }
                else if (typeof(T) == typeof(float))
                {
                    Vector.Widen(Vector.As<T, float>(after0 - before0), out var low0, out var high0);
                    Vector.Widen(Vector.As<T, float>(after1 - before1), out var low1, out var high1);
                    a0 = Accumulate(low0, a0);
                    a1 = Accumulate(high0, a1);
                    a2 = Accumulate(low1, a2);
                    a3 = Accumulate(high1, a3);
                }
                else
                {
                    a0 = Accumulate(Vector.As<T, double>(after0 - before0), a0);
                    a1 = Accumulate(Vector.As<T, double>(after1 - before1), a1);
                }
            }
            double sum = Vector.Sum((a0 + a1) + (a2 + a3)) + Vector512.Sum(w0 + w1);
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
}
