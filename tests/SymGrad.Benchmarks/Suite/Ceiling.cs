using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Benchmarks.Suite;

/// <summary>
/// The machine's single-core FMA ceiling as C# reaches it: independent <see cref="Vector512{T}"/> (or the
/// widest accelerated width) fused multiply-adds on 16 accumulators, no memory traffic. The 206 GFLOP/s
/// was measured this way on a machine of this kind.
/// </summary>
public static class Ceiling
{
    /// <summary>Runs <paramref name="iterations"/> rounds of 16 FMAs and returns the FLOPs executed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Run(int iterations, out float sink)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var m = Vector512.Create(0.999f);
            var c = Vector512.Create(0.001f);
            Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            Vector512<float> a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
            for (int k = 0; k < iterations; k++)
            {
                a0 = Vector512.FusedMultiplyAdd(a0, m, c); a1 = Vector512.FusedMultiplyAdd(a1, m, c);
                a2 = Vector512.FusedMultiplyAdd(a2, m, c); a3 = Vector512.FusedMultiplyAdd(a3, m, c);
                a4 = Vector512.FusedMultiplyAdd(a4, m, c); a5 = Vector512.FusedMultiplyAdd(a5, m, c);
                a6 = Vector512.FusedMultiplyAdd(a6, m, c); a7 = Vector512.FusedMultiplyAdd(a7, m, c);
                a8 = Vector512.FusedMultiplyAdd(a8, m, c); a9 = Vector512.FusedMultiplyAdd(a9, m, c);
                a10 = Vector512.FusedMultiplyAdd(a10, m, c); a11 = Vector512.FusedMultiplyAdd(a11, m, c);
                a12 = Vector512.FusedMultiplyAdd(a12, m, c); a13 = Vector512.FusedMultiplyAdd(a13, m, c);
                a14 = Vector512.FusedMultiplyAdd(a14, m, c); a15 = Vector512.FusedMultiplyAdd(a15, m, c);
            }
            var sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
            sink = Vector512.Sum(sum);
            return (long)iterations * 16 * Vector512<float>.Count * 2;
        }
        var m2 = Vector256.Create(0.999f);
        var c2 = Vector256.Create(0.001f);
        Vector256<float> b0 = Vector256.Create(1f), b1 = b0, b2 = b0, b3 = b0, b4 = b0, b5 = b0, b6 = b0, b7 = b0;
        for (int k = 0; k < iterations; k++)
        {
            b0 = Vector256.FusedMultiplyAdd(b0, m2, c2); b1 = Vector256.FusedMultiplyAdd(b1, m2, c2);
            b2 = Vector256.FusedMultiplyAdd(b2, m2, c2); b3 = Vector256.FusedMultiplyAdd(b3, m2, c2);
            b4 = Vector256.FusedMultiplyAdd(b4, m2, c2); b5 = Vector256.FusedMultiplyAdd(b5, m2, c2);
            b6 = Vector256.FusedMultiplyAdd(b6, m2, c2); b7 = Vector256.FusedMultiplyAdd(b7, m2, c2);
        }
        sink = Vector256.Sum(b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7);
        return (long)iterations * 8 * Vector256<float>.Count * 2;
    }
}
