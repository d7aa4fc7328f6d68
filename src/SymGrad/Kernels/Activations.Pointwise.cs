using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

/// <summary>
/// The piecewise activations and the backward rules of all activations, vectorized. Their scalar form in an
/// inline loop is either a branch per value (ReLU: taken or not at random, so mispredicted half of the time,
/// ~5 ns a value) or plain arithmetic the JIT does not vectorize. Each kernel computes exactly the op's template
/// in OpCatalog, in the same order of operations, so that its results are bit-identical to the scalar rule;
/// <c>accumulate</c> adds into the destination (an operand used twice) instead of overwriting it.
/// </summary>
public static partial class Activations
{
    /// <summary>y = x &gt; 0 ? x : 0, element-wise (NaN gives 0, as the scalar rule).</summary>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> y, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, ReluRule<T>>(x, x, y, count, T.Zero, accumulate: false, PointwiseKernel.Forward);

    /// <summary>y = x &gt; 0 ? x : slope * x, element-wise.</summary>
    public static void LeakyRelu<T>(ReadOnlySpan<T> x, Span<T> y, int count, T slope)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, LeakyReluRule<T>>(x, x, y, count, slope, accumulate: false, PointwiseKernel.Forward);

    /// <summary>dx (= or +=) z &gt; 0 ? dy : 0, with z the ReLU's input.</summary>
    public static void ReluBackward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, ReluBackwardRule<T>>(z, dy, dx, count, T.Zero, accumulate, PointwiseKernel.BackwardFromInput);

    /// <summary>dx (= or +=) z &gt; 0 ? dy : slope * dy, with z the leaky ReLU's input.</summary>
    public static void LeakyReluBackward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dy, Span<T> dx, int count, T slope, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, LeakyReluBackwardRule<T>>(z, dy, dx, count, slope, accumulate, PointwiseKernel.BackwardFromInput);

    /// <summary>dx (= or +=) dy * y * (1 - y), with y the sigmoid's output.</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, SigmoidBackwardRule<T>>(y, dy, dx, count, T.One, accumulate, PointwiseKernel.BackwardFromOutput);

    /// <summary>dx (= or +=) dy * (1 - y * y), with y the tanh's output.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PointwiseKernel.Run<T, TanhBackwardRule<T>>(y, dy, dx, count, T.One, accumulate, PointwiseKernel.BackwardFromOutput);

    private readonly struct ReluRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T x, T unused, T zero) => x > zero ? x : zero;
        public static Vector<T> Apply(Vector<T> x, Vector<T> unused, Vector<T> zero) => Vector.ConditionalSelect(Vector.GreaterThan(x, zero), x, zero);
    }

    private readonly struct LeakyReluRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T x, T unused, T slope) => x > T.Zero ? x : slope * x;
        public static Vector<T> Apply(Vector<T> x, Vector<T> unused, Vector<T> slope) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, slope * x);
    }

    private readonly struct ReluBackwardRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T z, T dy, T zero) => z > zero ? dy : zero;
        public static Vector<T> Apply(Vector<T> z, Vector<T> dy, Vector<T> zero) => Vector.ConditionalSelect(Vector.GreaterThan(z, zero), dy, zero);
    }

    private readonly struct LeakyReluBackwardRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T z, T dy, T slope) => z > T.Zero ? dy : slope * dy;
        public static Vector<T> Apply(Vector<T> z, Vector<T> dy, Vector<T> slope) =>
            Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<T>.Zero), dy, slope * dy);
    }

    private readonly struct SigmoidBackwardRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T y, T dy, T one) => dy * y * (one - y);
        public static Vector<T> Apply(Vector<T> y, Vector<T> dy, Vector<T> one) => dy * y * (one - y);
    }

    private readonly struct TanhBackwardRule<T> : PointwiseKernel.IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T y, T dy, T one) => dy * (one - y * y);
        public static Vector<T> Apply(Vector<T> y, Vector<T> dy, Vector<T> one) => dy * (one - y * y);
    }
}
