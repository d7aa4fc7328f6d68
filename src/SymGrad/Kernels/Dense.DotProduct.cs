using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// Y[r, o] = sum over i of X[r, i] W[o, i] + bias[o], with X and W both row-major along i (PyTorch's weight
    /// layout). Neither operand is contiguous along o, so this is the dot-product form: a block of 4 rows of X
    /// by 4 rows of W keeps 16 vector accumulators while i runs (8 loads feed 16 multiply-adds), then reduces
    /// each across its lanes. Output-row blocks are the outer loop so that 4 rows of W stay in L1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DotProduct<T, TLanes, TVector>(ref T x, ref T w, ref T bias, ref T y, int rows, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        int o = 0;
        for (; o + 4 <= outputs; o += 4)
        {
            ref T wo = ref Unsafe.Add(ref w, o * (nint)inputs);
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                Dot4x4<T, TLanes, TVector>(ref Unsafe.Add(ref x, r * (nint)inputs), ref wo, ref Unsafe.Add(ref bias, o),
                    ref Unsafe.Add(ref y, r * (nint)outputs + o), inputs, outputs);
            }
            for (; r < rows; r++)
            {
                for (int v = 0; v < 4; v++)
                {
                    Unsafe.Add(ref y, r * (nint)outputs + o + v) = Unsafe.Add(ref bias, o + v)
                        + Dot1<T, TLanes, TVector>(ref Unsafe.Add(ref x, r * (nint)inputs), ref Unsafe.Add(ref wo, v * (nint)inputs), inputs);
                }
            }
        }
        for (; o < outputs; o++)
        {
            ref T wo = ref Unsafe.Add(ref w, o * (nint)inputs);
            for (int r = 0; r < rows; r++)
            {
                Unsafe.Add(ref y, r * (nint)outputs + o) = Unsafe.Add(ref bias, o)
                    + Dot1<T, TLanes, TVector>(ref Unsafe.Add(ref x, r * (nint)inputs), ref wo, inputs);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4x4<T, TLanes, TVector>(ref T x, ref T w, ref T bias, ref T y, int n, int yRowStride)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        nint s = n;
        ref T x1 = ref Unsafe.Add(ref x, s);
        ref T x2 = ref Unsafe.Add(ref x, 2 * s);
        ref T x3 = ref Unsafe.Add(ref x, 3 * s);
        ref T w1 = ref Unsafe.Add(ref w, s);
        ref T w2 = ref Unsafe.Add(ref w, 2 * s);
        ref T w3 = ref Unsafe.Add(ref w, 3 * s);
        TVector a00 = TLanes.Zero, a01 = TLanes.Zero, a02 = TLanes.Zero, a03 = TLanes.Zero;
        TVector a10 = TLanes.Zero, a11 = TLanes.Zero, a12 = TLanes.Zero, a13 = TLanes.Zero;
        TVector a20 = TLanes.Zero, a21 = TLanes.Zero, a22 = TLanes.Zero, a23 = TLanes.Zero;
        TVector a30 = TLanes.Zero, a31 = TLanes.Zero, a32 = TLanes.Zero, a33 = TLanes.Zero;
        nint i = 0;
        for (; i <= s - TLanes.Count; i += TLanes.Count)
        {
            TVector v0 = TLanes.Load(ref w, i), v1 = TLanes.Load(ref w1, i), v2 = TLanes.Load(ref w2, i), v3 = TLanes.Load(ref w3, i);
            TVector u = TLanes.Load(ref x, i);
            a00 = TLanes.MultiplyAdd(u, v0, a00); a01 = TLanes.MultiplyAdd(u, v1, a01); a02 = TLanes.MultiplyAdd(u, v2, a02); a03 = TLanes.MultiplyAdd(u, v3, a03);
            u = TLanes.Load(ref x1, i);
            a10 = TLanes.MultiplyAdd(u, v0, a10); a11 = TLanes.MultiplyAdd(u, v1, a11); a12 = TLanes.MultiplyAdd(u, v2, a12); a13 = TLanes.MultiplyAdd(u, v3, a13);
            u = TLanes.Load(ref x2, i);
            a20 = TLanes.MultiplyAdd(u, v0, a20); a21 = TLanes.MultiplyAdd(u, v1, a21); a22 = TLanes.MultiplyAdd(u, v2, a22); a23 = TLanes.MultiplyAdd(u, v3, a23);
            u = TLanes.Load(ref x3, i);
            a30 = TLanes.MultiplyAdd(u, v0, a30); a31 = TLanes.MultiplyAdd(u, v1, a31); a32 = TLanes.MultiplyAdd(u, v2, a32); a33 = TLanes.MultiplyAdd(u, v3, a33);
        }
        StoreRow<T, TLanes, TVector>(ref y, ref bias, ref x, ref w, i, s, a00, a01, a02, a03);
        StoreRow<T, TLanes, TVector>(ref Unsafe.Add(ref y, yRowStride), ref bias, ref x1, ref w, i, s, a10, a11, a12, a13);
        StoreRow<T, TLanes, TVector>(ref Unsafe.Add(ref y, 2 * (nint)yRowStride), ref bias, ref x2, ref w, i, s, a20, a21, a22, a23);
        StoreRow<T, TLanes, TVector>(ref Unsafe.Add(ref y, 3 * (nint)yRowStride), ref bias, ref x3, ref w, i, s, a30, a31, a32, a33);
    }

    /// <summary>y[v] = bias[v] + lanes of accumulator v + the scalar tail of x . w_v from <paramref name="i"/> to n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<T, TLanes, TVector>(ref T y, ref T bias, ref T x, ref T w, nint i, nint n,
        TVector a0, TVector a1, TVector a2, TVector a3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        T s0, s1, s2, s3;
        if (Avx.IsSupported && typeof(TVector) == typeof(Vector256<float>))
        {
            var sums = Sum4(Unsafe.As<TVector, Vector256<float>>(ref a0), Unsafe.As<TVector, Vector256<float>>(ref a1),
                Unsafe.As<TVector, Vector256<float>>(ref a2), Unsafe.As<TVector, Vector256<float>>(ref a3));
            if (i == n)
            {
                // No scalar tail: the four outputs are adjacent in y and the bias, one 4-lane add and store.
                (sums + Vector128.LoadUnsafe(ref Unsafe.As<T, float>(ref bias))).StoreUnsafe(ref Unsafe.As<T, float>(ref y));
                return;
            }
            s0 = T.CreateTruncating(sums.GetElement(0)); s1 = T.CreateTruncating(sums.GetElement(1));
            s2 = T.CreateTruncating(sums.GetElement(2)); s3 = T.CreateTruncating(sums.GetElement(3));
        }
        else
        {
            s0 = TLanes.Sum(a0); s1 = TLanes.Sum(a1); s2 = TLanes.Sum(a2); s3 = TLanes.Sum(a3);
        }
        for (; i < n; i++)
        {
            T xi = Unsafe.Add(ref x, i);
            s0 += xi * Unsafe.Add(ref w, i);
            s1 += xi * Unsafe.Add(ref w, n + i);
            s2 += xi * Unsafe.Add(ref w, 2 * n + i);
            s3 += xi * Unsafe.Add(ref w, 3 * n + i);
        }
        y = s0 + bias;
        Unsafe.Add(ref y, 1) = s1 + Unsafe.Add(ref bias, 1);
        Unsafe.Add(ref y, 2) = s2 + Unsafe.Add(ref bias, 2);
        Unsafe.Add(ref y, 3) = s3 + Unsafe.Add(ref bias, 3);
    }

    /// <summary>
    /// The lane sums of four 8-lane accumulators as one 4-lane vector: two rounds of pairwise horizontal adds
    /// leave [a0, a1, a2, a3] partial sums in each 128-bit half, and the halves are added. Five instructions
    /// where four separate reductions take about twenty-four: with few inputs the reductions, not the
    /// multiply-adds, were most of the forward product's time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum4(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3)
    {
        var pairs = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
        return pairs.GetLower() + pairs.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Dot1<T, TLanes, TVector>(ref T x, ref T w, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        TVector acc = TLanes.Zero;
        nint i = 0;
        for (; i <= n - TLanes.Count; i += TLanes.Count)
        {
            acc = TLanes.MultiplyAdd(TLanes.Load(ref x, i), TLanes.Load(ref w, i), acc);
        }
        T sum = TLanes.Sum(acc);
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref w, i);
        }
        return sum;
    }
}
