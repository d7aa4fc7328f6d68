using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad.Kernels;

/// <summary>
/// The loop behind the element-wise kernels (<see cref="Activations"/>, <see cref="Elementwise"/>): a rule of two
/// operands and a constant, applied with <see cref="Vector{T}"/> and a scalar tail, writing or adding into the
/// destination. Each rule is a struct, so the JIT compiles one specialised loop per rule.
/// </summary>
internal static class PointwiseKernel
{
    /// <summary>One element-wise rule of two operands (a value and an incoming gradient, or a value twice) and a constant.</summary>
    internal interface IRule<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        static abstract T Apply(T a, T b, T constant);
        static abstract Vector<T> Apply(Vector<T> a, Vector<T> b, Vector<T> constant);
    }

    /// <summary>The public parameter names of a kernel's two operands and destination, for the size checks' messages.</summary>
    internal readonly record struct OperandNames(string A, string B, string Destination);

    internal static readonly OperandNames Forward = new("x", "x", "y");
    internal static readonly OperandNames BackwardFromInput = new("z", "dy", "dx");
    internal static readonly OperandNames BackwardFromOutput = new("y", "dy", "dx");

    internal static void Run<T, TRule>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination, int count, T constant, bool accumulate,
        OperandNames names)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IRule<T>
    {
        KernelChecks.Dimension(count, nameof(count), allowZero: true);
        KernelChecks.AtLeast(a.Length, 1, count, names.A, "count");
        KernelChecks.AtLeast(b.Length, 1, count, names.B, "count");
        KernelChecks.AtLeast(destination.Length, 1, count, names.Destination, "count");
        RunUnchecked<T, TRule>(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(destination),
            count, constant, accumulate);
    }

    /// <summary>The loop of <see cref="Run{T, TRule}"/> for callers that checked the sizes once for many rows.</summary>
    internal static void RunUnchecked<T, TRule>(ref T a0, ref T b0, ref T d0, int count, T constant, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IRule<T>
    {
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

    internal static readonly OperandNames Binary = new("x", "x2", "y");
    internal static readonly OperandNames Gradient = new("dy", "dy", "dx");
    internal static readonly OperandNames GradientTimesOperand = new("dy", "operand", "dx");
}
