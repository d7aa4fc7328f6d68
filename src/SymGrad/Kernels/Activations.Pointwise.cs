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
        => Pointwise<T, ReluRule<T>>(x, x, y, count, T.Zero, accumulate: false, Forward);

    /// <summary>y = x &gt; 0 ? x : slope * x, element-wise.</summary>
    public static void LeakyRelu<T>(ReadOnlySpan<T> x, Span<T> y, int count, T slope)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pointwise<T, LeakyReluRule<T>>(x, x, y, count, slope, accumulate: false, Forward);

    /// <summary>dx (= or +=) z &gt; 0 ? dy : 0, with z the ReLU's input.</summary>
    public static void ReluBackward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pointwise<T, ReluBackwardRule<T>>(z, dy, dx, count, T.Zero, accumulate, BackwardFromInput);

    /// <summary>dx (= or +=) z &gt; 0 ? dy : slope * dy, with z the leaky ReLU's input.</summary>
    public static void LeakyReluBackward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> dy, Span<T> dx, int count, T slope, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pointwise<T, LeakyReluBackwardRule<T>>(z, dy, dx, count, slope, accumulate, BackwardFromInput);

    /// <summary>dx (= or +=) dy * y * (1 - y), with y the sigmoid's output.</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pointwise<T, SigmoidBackwardRule<T>>(y, dy, dx, count, T.One, accumulate, BackwardFromOutput);

    /// <summary>dx (= or +=) dy * (1 - y * y), with y the tanh's output.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, int count, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pointwise<T, TanhBackwardRule<T>>(y, dy, dx, count, T.One, accumulate, BackwardFromOutput);

    /// <summary>One element-wise rule of two operands (a value and an incoming gradient, or a value twice) and a constant.</summary>
    private interface IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        static abstract T Apply(T a, T b, T constant);
        static abstract Vector<T> Apply(Vector<T> a, Vector<T> b, Vector<T> constant);
    }

    /// <summary>The public parameter names of a kernel's two operands and destination, for the size checks' messages.</summary>
    private readonly record struct OperandNames(string A, string B, string Destination);

    private static readonly OperandNames Forward = new("x", "x", "y");
    private static readonly OperandNames BackwardFromInput = new("z", "dy", "dx");
    private static readonly OperandNames BackwardFromOutput = new("y", "dy", "dx");

    private static void Pointwise<T, TRule>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination, int count, T constant, bool accumulate,
        OperandNames names)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IPointwiseRule<T>
    {
        KernelChecks.Dimension(count, nameof(count), allowZero: true);
        KernelChecks.AtLeast(a.Length, 1, count, names.A, "count");
        KernelChecks.AtLeast(b.Length, 1, count, names.B, "count");
        KernelChecks.AtLeast(destination.Length, 1, count, names.Destination, "count");
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T b0 = ref MemoryMarshal.GetReference(b);
        ref T d0 = ref MemoryMarshal.GetReference(destination);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var c = new Vector<T>(constant);
            for (; k <= count - Vector<T>.Count; k += Vector<T>.Count)
            {
                var value = TRule.Apply(Vector.LoadUnsafe(ref a0, (nuint)k), Vector.LoadUnsafe(ref b0, (nuint)k), c);
                if (accumulate)
                {
                    value = Vector.LoadUnsafe(ref d0, (nuint)k) + value;
                }
                value.StoreUnsafe(ref d0, (nuint)k);
            }
        }
        for (; k < count; k++)
        {
            T value = TRule.Apply(Unsafe.Add(ref a0, k), Unsafe.Add(ref b0, k), constant);
            Unsafe.Add(ref d0, k) = accumulate ? Unsafe.Add(ref d0, k) + value : value;
        }
    }

    private readonly struct ReluRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T x, T unused, T zero) => x > zero ? x : zero;
        public static Vector<T> Apply(Vector<T> x, Vector<T> unused, Vector<T> zero) => Vector.ConditionalSelect(Vector.GreaterThan(x, zero), x, zero);
    }

    private readonly struct LeakyReluRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T x, T unused, T slope) => x > T.Zero ? x : slope * x;
        public static Vector<T> Apply(Vector<T> x, Vector<T> unused, Vector<T> slope) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, slope * x);
    }

    private readonly struct ReluBackwardRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T z, T dy, T zero) => z > zero ? dy : zero;
        public static Vector<T> Apply(Vector<T> z, Vector<T> dy, Vector<T> zero) => Vector.ConditionalSelect(Vector.GreaterThan(z, zero), dy, zero);
    }

    private readonly struct LeakyReluBackwardRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T z, T dy, T slope) => z > T.Zero ? dy : slope * dy;
        public static Vector<T> Apply(Vector<T> z, Vector<T> dy, Vector<T> slope) =>
            Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<T>.Zero), dy, slope * dy);
    }

    private readonly struct SigmoidBackwardRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T y, T dy, T one) => dy * y * (one - y);
        public static Vector<T> Apply(Vector<T> y, Vector<T> dy, Vector<T> one) => dy * y * (one - y);
    }

    private readonly struct TanhBackwardRule<T> : IPointwiseRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Apply(T y, T dy, T one) => dy * (one - y * y);
        public static Vector<T> Apply(Vector<T> y, Vector<T> dy, Vector<T> one) => dy * (one - y * y);
    }
}
