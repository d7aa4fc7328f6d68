using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

/// <summary>
/// The element-wise arithmetic ops and their gradient contributions, vectorized: the gates and state updates of
/// recurrent cells and residual sums are made of them, and the JIT does not vectorize their inline loops. Each
/// computes its OpCatalog template in the same order of operations (bit-identical to the scalar rule);
/// <c>accumulate</c> adds into the destination instead of overwriting it.
/// </summary>
public static class Elementwise
{
    /// <summary>y = x + x2.</summary>
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> x2, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, AddRule<T>>(x, x2, y, count, T.Zero, accumulate: false, PointwiseKernel.Binary);

    /// <summary>y = x - x2.</summary>
    public static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> x2, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, SubtractRule<T>>(x, x2, y, count, T.Zero, accumulate: false, PointwiseKernel.Binary);

    /// <summary>y = x * x2 (the Hadamard product).</summary>
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> x2, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, MultiplyRule<T>>(x, x2, y, count, T.Zero, accumulate: false, PointwiseKernel.Binary);

    /// <summary>dx (= or +=) dy: a sum's gradient, passed through unchanged.</summary>
    public static void PassGradient<T>(ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, SecondRule<T>>(dy, dy, dx, count, T.Zero, accumulate, PointwiseKernel.Gradient);

    /// <summary>
    /// sums[o] += m[r, o] over the <paramref name="rows"/> rows of <paramref name="m"/> ([rows, width]): the column
    /// sums a bias gradient is made of, checked once and then one vector pass per row.
    /// </summary>
    internal static void AddRowsTo<T>(ReadOnlySpan<T> m, Span<T> sums, int rows, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelChecks.AtLeast(m.Length, rows, width, nameof(m), "rows x width");
        KernelChecks.AtLeast(sums.Length, 1, width, nameof(sums), "width");
        ref T m0 = ref MemoryMarshal.GetReference(m);
        ref T s0 = ref MemoryMarshal.GetReference(sums);
        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref m0, r * (nint)width);
            PointwiseKernel.RunUnchecked<T, SecondRule<T>>(ref row, ref row, ref s0, width, T.Zero, accumulate: true);
        }
    }

    /// <summary>dx (= or +=) -dy: the subtrahend's gradient.</summary>
    public static void PassNegatedGradient<T>(ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, NegatedSecondRule<T>>(dy, dy, dx, count, T.Zero, accumulate, PointwiseKernel.Gradient);

    /// <summary>dx (= or +=) dy * operand: a product's gradient with respect to one factor, the other factor being <paramref name="operand"/>.</summary>
    public static void MultiplyGradient<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> operand, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, MultiplyRule<T>>(dy, operand, dx, count, T.Zero, accumulate, PointwiseKernel.GradientTimesOperand);

    /// <summary>
    /// y[r, :] = x[r, start : start + width] for <paramref name="rows"/> rows of <paramref name="columns"/> values:
    /// a block of columns (a time step of a sequence, a gate of a recurrent cell) copied into its own rows.
    /// </summary>
    public static void CopyColumns<T>(ReadOnlySpan<T> x, int columns, int start, Span<T> y, int width, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckColumns(x.Length, columns, start, y.Length, width, rows, nameof(x), nameof(y));
        for (int r = 0; r < rows; r++)
        {
            x.Slice(r * columns + start, width).CopyTo(y.Slice(r * width, width));
        }
    }

    /// <summary>dx[r, start : start + width] += dy[r, :]: the gradient of <see cref="CopyColumns{T}"/>, added into its block of columns.</summary>
    public static void AddToColumns<T>(ReadOnlySpan<T> dy, Span<T> dx, int columns, int start, int width, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckColumns(dx.Length, columns, start, dy.Length, width, rows, nameof(dx), nameof(dy));
        ref T dy0 = ref MemoryMarshal.GetReference(dy);
        ref T dx0 = ref MemoryMarshal.GetReference(dx);
        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref dy0, r * (nint)width);
            PointwiseKernel.RunUnchecked<T, SecondRule<T>>(ref row, ref row, ref Unsafe.Add(ref dx0, r * (nint)columns + start), width, T.Zero, accumulate: true);
        }
    }

    private static void CheckColumns(int wideLength, int columns, int start, int narrowLength, int width, int rows, string wideName, string narrowName)
    {
        KernelChecks.Dimension(rows, nameof(rows), allowZero: true);
        KernelChecks.Dimension(width, nameof(width));
        if (start < 0 || columns < start + width)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Expected the block [start, start + {width}) inside the {columns} columns.");
        }
        KernelChecks.AtLeast(wideLength, rows, columns, wideName, "rows x columns");
        KernelChecks.AtLeast(narrowLength, rows, width, narrowName, "rows x width");
    }

    private readonly struct AddRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, T unused) => a + b;
        public static Vector<T> Apply(Vector<T> a, Vector<T> b, Vector<T> unused) => a + b;
    }

    private readonly struct SubtractRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, T unused) => a - b;
        public static Vector<T> Apply(Vector<T> a, Vector<T> b, Vector<T> unused) => a - b;
    }

    private readonly struct MultiplyRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, T unused) => a * b;
        public static Vector<T> Apply(Vector<T> a, Vector<T> b, Vector<T> unused) => a * b;
    }

    private readonly struct SecondRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T unused, T b, T unused2) => b;
        public static Vector<T> Apply(Vector<T> unused, Vector<T> b, Vector<T> unused2) => b;
    }

    private readonly struct NegatedSecondRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T unused, T b, T unused2) => -b;
        public static Vector<T> Apply(Vector<T> unused, Vector<T> b, Vector<T> unused2) => -b;
    }
}
