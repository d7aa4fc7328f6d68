using System;
using System.Numerics;

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

    /// <summary>dx (= or +=) -dy: the subtrahend's gradient.</summary>
    public static void PassNegatedGradient<T>(ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, NegatedSecondRule<T>>(dy, dy, dx, count, T.Zero, accumulate, PointwiseKernel.Gradient);

    /// <summary>dx (= or +=) dy * operand: a product's gradient with respect to one factor, the other factor being <paramref name="operand"/>.</summary>
    public static void MultiplyGradient<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> operand, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, MultiplyRule<T>>(dy, operand, dx, count, T.Zero, accumulate, PointwiseKernel.GradientTimesOperand);

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
