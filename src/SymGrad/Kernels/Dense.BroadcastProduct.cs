using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

public static partial class Dense
{
    /// <summary>
    /// C[m, n] (= or +=) sum over p of A(m, p) B[p, n], where A is read through two strides (so dY and dY^T are
    /// both an A without a copy) and B and C are row-major. Blocks of 4 rows x 4 vectors of C stay in registers
    /// while p runs: each step broadcasts 4 values of A, loads 4 vectors of B and issues 16 multiply-adds.
    /// Column blocks are the outer loop so that the B panel (k rows x 4 vectors) stays in L1 across row blocks.
    /// Columns left after the vectors run through the same code at a narrower width, down to one lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BroadcastProduct<T, TLanes, TVector>(
        ref T a, nint aRowStride, nint aColumnStride, ref T b, nint bRowStride, ref T c, nint cRowStride,
        int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        int lanes = TLanes.Count;
        int j = 0;
        for (; j + 4 * lanes <= n; j += 4 * lanes)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Block4x4<T, TLanes, TVector>(ref Unsafe.Add(ref a, i * aRowStride), aRowStride, aColumnStride,
                    ref Unsafe.Add(ref b, j), bRowStride, ref Unsafe.Add(ref c, i * cRowStride + j), cRowStride, k, accumulate);
            }
            for (; i < m; i++)
            {
                for (int v = 0; v < 4; v++)
                {
                    Block1x1<T, TLanes, TVector>(ref Unsafe.Add(ref a, i * aRowStride), aColumnStride,
                        ref Unsafe.Add(ref b, j + v * lanes), bRowStride, ref Unsafe.Add(ref c, i * cRowStride + j + v * lanes), k, accumulate);
                }
            }
        }
        // Columns left after the 4-vector blocks, one vector at a time: still 4 rows per block, so that four
        // independent accumulators hide the multiply-add latency (one accumulator alone waits on each add).
        for (; j + lanes <= n; j += lanes)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Block4x1<T, TLanes, TVector>(ref Unsafe.Add(ref a, i * aRowStride), aRowStride, aColumnStride,
                    ref Unsafe.Add(ref b, j), bRowStride, ref Unsafe.Add(ref c, i * cRowStride + j), cRowStride, k, accumulate);
            }
            for (; i < m; i++)
            {
                Block1x1<T, TLanes, TVector>(ref Unsafe.Add(ref a, i * aRowStride), aColumnStride,
                    ref Unsafe.Add(ref b, j), bRowStride, ref Unsafe.Add(ref c, i * cRowStride + j), k, accumulate);
            }
        }
        // Columns left after the full vectors: at the next narrower width that still fills a vector (8 columns
        // of a 784 -> 8 or 32 -> 8 product are one 256-bit vector, not eight scalar columns), else one lane.
        int rest = n - j;
        if (rest == 0)
        {
            return;
        }
        ref T bRest = ref Unsafe.Add(ref b, j);
        ref T cRest = ref Unsafe.Add(ref c, j);
        if (lanes > Vector256<T>.Count && rest >= Vector256<T>.Count && Vector256.IsHardwareAccelerated)
        {
            BroadcastProduct<T, Lanes256<T>, Vector256<T>>(ref a, aRowStride, aColumnStride, ref bRest, bRowStride, ref cRest, cRowStride, m, rest, k, accumulate);
        }
        else if (lanes > Vector128<T>.Count && rest >= Vector128<T>.Count && Vector128.IsHardwareAccelerated)
        {
            BroadcastProduct<T, Lanes128<T>, Vector128<T>>(ref a, aRowStride, aColumnStride, ref bRest, bRowStride, ref cRest, cRowStride, m, rest, k, accumulate);
        }
        else
        {
            BroadcastProduct<T, Lanes1<T>, T>(ref a, aRowStride, aColumnStride, ref bRest, bRowStride, ref cRest, cRowStride, m, rest, k, accumulate);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x4<T, TLanes, TVector>(ref T a, nint aRowStride, nint aColumnStride, ref T b, nint bRowStride,
        ref T c, nint cRowStride, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        nint l = TLanes.Count;
        ref T c1 = ref Unsafe.Add(ref c, cRowStride);
        ref T c2 = ref Unsafe.Add(ref c, 2 * cRowStride);
        ref T c3 = ref Unsafe.Add(ref c, 3 * cRowStride);
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s02 = TLanes.Zero, s03 = TLanes.Zero;
        TVector s10 = TLanes.Zero, s11 = TLanes.Zero, s12 = TLanes.Zero, s13 = TLanes.Zero;
        TVector s20 = TLanes.Zero, s21 = TLanes.Zero, s22 = TLanes.Zero, s23 = TLanes.Zero;
        TVector s30 = TLanes.Zero, s31 = TLanes.Zero, s32 = TLanes.Zero, s33 = TLanes.Zero;
        if (accumulate)
        {
            s00 = TLanes.Load(ref c, 0); s01 = TLanes.Load(ref c, l); s02 = TLanes.Load(ref c, 2 * l); s03 = TLanes.Load(ref c, 3 * l);
            s10 = TLanes.Load(ref c1, 0); s11 = TLanes.Load(ref c1, l); s12 = TLanes.Load(ref c1, 2 * l); s13 = TLanes.Load(ref c1, 3 * l);
            s20 = TLanes.Load(ref c2, 0); s21 = TLanes.Load(ref c2, l); s22 = TLanes.Load(ref c2, 2 * l); s23 = TLanes.Load(ref c2, 3 * l);
            s30 = TLanes.Load(ref c3, 0); s31 = TLanes.Load(ref c3, l); s32 = TLanes.Load(ref c3, 2 * l); s33 = TLanes.Load(ref c3, 3 * l);
        }
        for (int p = 0; p < k; p++)
        {
            ref T bp = ref Unsafe.Add(ref b, p * bRowStride);
            TVector b0 = TLanes.Load(ref bp, 0), b1 = TLanes.Load(ref bp, l), b2 = TLanes.Load(ref bp, 2 * l), b3 = TLanes.Load(ref bp, 3 * l);
            ref T ap = ref Unsafe.Add(ref a, p * aColumnStride);
            TVector x = TLanes.Broadcast(ap);
            s00 = TLanes.MultiplyAdd(x, b0, s00); s01 = TLanes.MultiplyAdd(x, b1, s01); s02 = TLanes.MultiplyAdd(x, b2, s02); s03 = TLanes.MultiplyAdd(x, b3, s03);
            x = TLanes.Broadcast(Unsafe.Add(ref ap, aRowStride));
            s10 = TLanes.MultiplyAdd(x, b0, s10); s11 = TLanes.MultiplyAdd(x, b1, s11); s12 = TLanes.MultiplyAdd(x, b2, s12); s13 = TLanes.MultiplyAdd(x, b3, s13);
            x = TLanes.Broadcast(Unsafe.Add(ref ap, 2 * aRowStride));
            s20 = TLanes.MultiplyAdd(x, b0, s20); s21 = TLanes.MultiplyAdd(x, b1, s21); s22 = TLanes.MultiplyAdd(x, b2, s22); s23 = TLanes.MultiplyAdd(x, b3, s23);
            x = TLanes.Broadcast(Unsafe.Add(ref ap, 3 * aRowStride));
            s30 = TLanes.MultiplyAdd(x, b0, s30); s31 = TLanes.MultiplyAdd(x, b1, s31); s32 = TLanes.MultiplyAdd(x, b2, s32); s33 = TLanes.MultiplyAdd(x, b3, s33);
        }
        TLanes.Store(s00, ref c, 0); TLanes.Store(s01, ref c, l); TLanes.Store(s02, ref c, 2 * l); TLanes.Store(s03, ref c, 3 * l);
        TLanes.Store(s10, ref c1, 0); TLanes.Store(s11, ref c1, l); TLanes.Store(s12, ref c1, 2 * l); TLanes.Store(s13, ref c1, 3 * l);
        TLanes.Store(s20, ref c2, 0); TLanes.Store(s21, ref c2, l); TLanes.Store(s22, ref c2, 2 * l); TLanes.Store(s23, ref c2, 3 * l);
        TLanes.Store(s30, ref c3, 0); TLanes.Store(s31, ref c3, l); TLanes.Store(s32, ref c3, 2 * l); TLanes.Store(s33, ref c3, 3 * l);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x1<T, TLanes, TVector>(ref T a, nint aRowStride, nint aColumnStride, ref T b, nint bRowStride,
        ref T c, nint cRowStride, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        ref T c1 = ref Unsafe.Add(ref c, cRowStride);
        ref T c2 = ref Unsafe.Add(ref c, 2 * cRowStride);
        ref T c3 = ref Unsafe.Add(ref c, 3 * cRowStride);
        TVector s0 = accumulate ? TLanes.Load(ref c, 0) : TLanes.Zero;
        TVector s1 = accumulate ? TLanes.Load(ref c1, 0) : TLanes.Zero;
        TVector s2 = accumulate ? TLanes.Load(ref c2, 0) : TLanes.Zero;
        TVector s3 = accumulate ? TLanes.Load(ref c3, 0) : TLanes.Zero;
        for (int p = 0; p < k; p++)
        {
            TVector bp = TLanes.Load(ref b, p * bRowStride);
            ref T ap = ref Unsafe.Add(ref a, p * aColumnStride);
            s0 = TLanes.MultiplyAdd(TLanes.Broadcast(ap), bp, s0);
            s1 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref ap, aRowStride)), bp, s1);
            s2 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref ap, 2 * aRowStride)), bp, s2);
            s3 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref ap, 3 * aRowStride)), bp, s3);
        }
        TLanes.Store(s0, ref c, 0);
        TLanes.Store(s1, ref c1, 0);
        TLanes.Store(s2, ref c2, 0);
        TLanes.Store(s3, ref c3, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x1<T, TLanes, TVector>(ref T a, nint aColumnStride, ref T b, nint bRowStride, ref T c, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : struct, ISimdLanes<TVector, T>
        where TVector : struct
    {
        TVector s = accumulate ? TLanes.Load(ref c, 0) : TLanes.Zero;
        for (int p = 0; p < k; p++)
        {
            s = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref a, p * aColumnStride)), TLanes.Load(ref b, p * bRowStride), s);
        }
        TLanes.Store(s, ref c, 0);
    }
}
