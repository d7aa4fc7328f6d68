using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SymGrad.Instrumentation;

// The fast float paths of the reductions. Widening every element to double (the obvious way to keep
// sums of 10^5 squares accurate) costs a dependency chain per vector; here float lanes accumulate with
// four independent fused multiply-adds over a block of at most BlockLength values, and only each block's
// sum is widened to double. Each lane then adds at most BlockLength / (4 x lanes) squares (16 with AVX2),
// a relative rounding error near 1e-6, far inside the 1e-4 the statistics are tested to.
// Float squares underflow below ~1e-19 and overflow above ~1.8e19, where double would not: a block whose
// float sum lies outside [SafeMinimum, float.MaxValue] (NaN included) and is not made of zeros only is
// summed again in double, so the result matches the double computation on every input.
public static partial class Reductions
{
    private const int BlockLength = 512;
    // Squares lost below float's normal range (< 1.2e-38 each, at most BlockLength of them) stay under 1e-7 of a trusted sum.
    private const float SafeMinimum = 1e-28f;

    private static bool Trusted(float sum) => sum >= SafeMinimum && sum <= float.MaxValue;

    /// <summary>Whether every value whose bits were OR-ed into <paramref name="bits"/> and <paramref name="tail"/> is ±0.</summary>
    private static bool AllZero(Vector<float> bits, uint tail) =>
        ((Vector.AsVectorUInt32(bits) | new Vector<uint>(tail)) & new Vector<uint>(0x7FFF_FFFFu)) == Vector<uint>.Zero;

    /// <summary>Sum of x^2 over float blocks widened to double (see the file comment).</summary>
    private static double BlockedSumOfSquares(ReadOnlySpan<float> values)
    {
        double total = 0;
        for (int start = 0; start < values.Length; start += BlockLength)
        {
            var block = values.Slice(start, Math.Min(BlockLength, values.Length - start));
            float sum = BlockSquares(block, out bool allZero);
            total += Trusted(sum) || allZero ? sum : WidenedSumOfSquares(block);
        }
        return total;
    }

    private static float BlockSquares(ReadOnlySpan<float> block, out bool allZero)
    {
        ref float x = ref MemoryMarshal.GetReference(block);
        int n = Vector<float>.Count;
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default, bits = default;
        int i = 0;
        for (; i <= block.Length - 4 * n; i += 4 * n)
        {
            var v0 = Vector.LoadUnsafe(ref x, (nuint)i);
            var v1 = Vector.LoadUnsafe(ref x, (nuint)(i + n));
            var v2 = Vector.LoadUnsafe(ref x, (nuint)(i + 2 * n));
            var v3 = Vector.LoadUnsafe(ref x, (nuint)(i + 3 * n));
            a0 = Vector.FusedMultiplyAdd(v0, v0, a0);
            a1 = Vector.FusedMultiplyAdd(v1, v1, a1);
            a2 = Vector.FusedMultiplyAdd(v2, v2, a2);
            a3 = Vector.FusedMultiplyAdd(v3, v3, a3);
            bits |= (v0 | v1) | (v2 | v3);
        }
        float sum = Vector.Sum((a0 + a1) + (a2 + a3));
        uint tail = 0;
        for (; i < block.Length; i++)
        {
            sum += block[i] * block[i];
            tail |= BitConverter.SingleToUInt32Bits(block[i]);
        }
        allZero = AllZero(bits, tail);
        return sum;
    }

    /// <summary>
    /// In one pass over a layer's values and their gradients (equal lengths): Σ value², Σ gradient² and
    /// max |gradient| (NaN when a gradient is NaN), each as the separate reductions would give it.
    /// </summary>
    internal static (double ValueSquares, double GradientSquares, double GradientMaxAbs) SquaresAndGradientMax<T>(ReadOnlySpan<T> values, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (gradients.Length != values.Length)
        {
            throw new ArgumentException($"Expected {values.Length} gradients, one per value, but got {gradients.Length}.", nameof(gradients));
        }
        if (typeof(T) != typeof(float))
        {
            var (gradientSquares, max) = SumOfSquaresAndMaxAbs(gradients);
            return (SumOfSquares(values), gradientSquares, max);
        }
        var w = MemoryMarshal.Cast<T, float>(values);
        var g = MemoryMarshal.Cast<T, float>(gradients);
        double wTotal = 0;
        double gTotal = 0;
        float maxAbs = 0;
        // Last block first: a TrainStep's optimizer then starts on the values read most recently, still in cache.
        for (int start = (w.Length - 1) / BlockLength * BlockLength; start >= 0; start -= BlockLength)
        {
            int length = Math.Min(BlockLength, w.Length - start);
            var wBlock = w.Slice(start, length);
            var gBlock = g.Slice(start, length);
            var (wSum, gSum, gMax, wZero) = BlockSquaresAndMax(wBlock, gBlock);
            wTotal += Trusted(wSum) || wZero ? wSum : WidenedSumOfSquares(wBlock);
            gTotal += Trusted(gSum) || gMax == 0 ? gSum : WidenedSumOfSquares(gBlock);
            maxAbs = MathF.Max(maxAbs, gMax);
        }
        // A NaN makes the sum NaN; the native max may have dropped it.
        return (wTotal, gTotal, double.IsNaN(gTotal) ? double.NaN : maxAbs);
    }

    private static (float W, float G, float GMax, bool WZero) BlockSquaresAndMax(ReadOnlySpan<float> wBlock, ReadOnlySpan<float> gBlock)
    {
        ref float w = ref MemoryMarshal.GetReference(wBlock);
        ref float g = ref MemoryMarshal.GetReference(gBlock);
        int n = Vector<float>.Count;
        Vector<float> w0 = default, w1 = default, g0 = default, g1 = default, m0 = default, m1 = default, bits = default;
        int i = 0;
        for (; i <= wBlock.Length - 2 * n; i += 2 * n)
        {
            var a = Vector.LoadUnsafe(ref w, (nuint)i);
            var b = Vector.LoadUnsafe(ref w, (nuint)(i + n));
            var c = Vector.LoadUnsafe(ref g, (nuint)i);
            var d = Vector.LoadUnsafe(ref g, (nuint)(i + n));
            w0 = Vector.FusedMultiplyAdd(a, a, w0);
            w1 = Vector.FusedMultiplyAdd(b, b, w1);
            g0 = Vector.FusedMultiplyAdd(c, c, g0);
            g1 = Vector.FusedMultiplyAdd(d, d, g1);
            m0 = Vector.MaxNative(m0, Vector.Abs(c));
            m1 = Vector.MaxNative(m1, Vector.Abs(d));
            bits |= a | b;
        }
        float wSum = Vector.Sum(w0 + w1);
        float gSum = Vector.Sum(g0 + g1);
        var m = Vector.MaxNative(m0, m1);
        float max = 0;
        for (int lane = 0; lane < n; lane++)
        {
            max = MathF.Max(max, m[lane]);
        }
        uint tail = 0;
        for (; i < wBlock.Length; i++)
        {
            wSum += wBlock[i] * wBlock[i];
            gSum += gBlock[i] * gBlock[i];
            max = MathF.Max(max, MathF.Abs(gBlock[i]));
            tail |= BitConverter.SingleToUInt32Bits(wBlock[i]);
        }
        return (wSum, gSum, max, AllZero(bits, tail));
    }
}
