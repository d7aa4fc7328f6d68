using System;
using System.Collections.Generic;

namespace SymGrad;

// Storage, factories and the tape.
public sealed partial class Tensor
{
    // The tensors this one was computed from (empty for leaves and for results that need no gradient).
    private readonly Tensor[] _operands;

    // Given this tensor (whose Gradient holds dL/dthis), adds the chain-rule contributions into the
    // operands' gradients. Null for leaves and for results that need no gradient.
    private readonly Action<Tensor>? _backward;

    private Tensor(int rows, int columns, double[] data, bool requiresGradient, Tensor[] operands, Action<Tensor>? backward)
    {
        Rows = rows;
        Columns = columns;
        Data = data;
        Gradient = requiresGradient ? new double[data.Length] : null;
        _operands = operands;
        _backward = backward;
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>Number of elements, <see cref="Rows"/> x <see cref="Columns"/>.</summary>
    public int Length => Data.Length;

    /// <summary>The values, row-major. Do not modify a tensor that is part of a recorded computation.</summary>
    public double[] Data { get; }

    /// <summary>
    /// dL/dthis after <see cref="Backward()"/>, row-major; null when the tensor does not depend on
    /// any trainable leaf. Leaves accumulate over several backward passes (as in PyTorch);
    /// intermediate results are recomputed by each pass.
    /// </summary>
    public double[]? Gradient { get; }

    /// <summary>True for trainable leaves and for every result computed from one.</summary>
    public bool RequiresGradient => Gradient is not null;

    /// <summary>The shape as text, <c>[rows, columns]</c>, as used in error messages.</summary>
    public string Shape => $"[{Rows}, {Columns}]";

    /// <summary>The element at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(row), $"Element ({row}, {column}) is outside a {Shape} tensor.");
            }
            return Data[row * Columns + column];
        }
    }

    /// <summary>The single value of a 1x1 tensor (a loss).</summary>
    public double Value => Length == 1
        ? Data[0]
        : throw new InvalidOperationException($"Value needs a [1, 1] tensor; this tensor is {Shape}.");

    /// <summary>A constant (no gradient) holding a copy of <paramref name="values"/>, row-major.</summary>
    public static Tensor Constant(ReadOnlySpan<double> values, int rows, int columns)
    {
        ValidateShape(values.Length, rows, columns, nameof(values));
        return new Tensor(rows, columns, values.ToArray(), false, Array.Empty<Tensor>(), null);
    }

    /// <summary>A constant (no gradient) holding <paramref name="values"/> widened to double, row-major.</summary>
    public static Tensor Constant(ReadOnlySpan<float> values, int rows, int columns)
    {
        ValidateShape(values.Length, rows, columns, nameof(values));
        var data = new double[values.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = values[i];
        }
        return new Tensor(rows, columns, data, false, Array.Empty<Tensor>(), null);
    }

    /// <summary>A trainable leaf holding a copy of <paramref name="values"/>; <see cref="Backward()"/> accumulates into its <see cref="Gradient"/>.</summary>
    public static Tensor Trainable(ReadOnlySpan<double> values, int rows, int columns)
    {
        ValidateShape(values.Length, rows, columns, nameof(values));
        return new Tensor(rows, columns, values.ToArray(), true, Array.Empty<Tensor>(), null);
    }

    /// <summary>
    /// Reverse-mode pass from this 1x1 tensor (a loss): seeds dL/dL = 1 and applies every recorded
    /// op's chain rule in reverse topological order, so a tensor used several times receives the
    /// sum of its contributions.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is not 1x1, or depends on no trainable leaf.</exception>
    public void Backward()
    {
        if (Rows != 1 || Columns != 1)
        {
            throw new InvalidOperationException($"Backward needs a [1, 1] tensor (a loss); this tensor is {Shape}.");
        }
        Backward(new[] { 1.0 });
    }

    /// <summary>
    /// Vector-Jacobian product: the gradients of sum(seed * this) (element-wise), for any shape.
    /// Tests use it to check non-scalar ops directly.
    /// </summary>
    internal void Backward(ReadOnlySpan<double> seed)
    {
        if (!RequiresGradient)
        {
            throw new InvalidOperationException($"This {Shape} tensor depends on no trainable tensor, so it has no gradient.");
        }
        if (seed.Length != Length)
        {
            throw new ArgumentException($"The seed has {seed.Length} values; the tensor {Shape} has {Length}.", nameof(seed));
        }

        var order = TopologicalOrder();
        // Intermediate results hold only this pass's gradient; leaves keep accumulating.
        foreach (var tensor in order)
        {
            if (tensor._backward is not null)
            {
                Array.Clear(tensor.Gradient!);
            }
        }
        for (int i = 0; i < seed.Length; i++)
        {
            Gradient![i] += seed[i];
        }
        // A result's gradient is complete once every tensor computed from it has run its rule.
        for (int i = order.Count - 1; i >= 0; i--)
        {
            order[i]._backward?.Invoke(order[i]);
        }
    }

    // Tensors that need a gradient, each after all of its operands (iterative DFS post-order, so a
    // long unrolled sequence cannot overflow the stack).
    private List<Tensor> TopologicalOrder()
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int NextOperand)>();
        visited.Add(this);
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            if (next < tensor._operands.Length)
            {
                stack.Push((tensor, next + 1));
                var operand = tensor._operands[next];
                if (operand.RequiresGradient && visited.Add(operand))
                {
                    stack.Push((operand, 0));
                }
            }
            else
            {
                order.Add(tensor);
            }
        }
        return order;
    }

    // Records an op's result: it needs a gradient (and a place on the tape) only if an operand does.
    private static Tensor Record(int rows, int columns, double[] data, Tensor[] operands, Action<Tensor> backward)
    {
        bool requiresGradient = Array.Exists(operands, operand => operand.RequiresGradient);
        return requiresGradient
            ? new Tensor(rows, columns, data, true, operands, backward)
            : new Tensor(rows, columns, data, false, Array.Empty<Tensor>(), null);
    }

    private static void ValidateShape(int length, int rows, int columns, string argument)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (length != (long)rows * columns)
        {
            throw new ArgumentException($"A [{rows}, {columns}] tensor needs {(long)rows * columns} values; got {length}.", argument);
        }
    }

    private static void RequireSameShape(Tensor a, Tensor b, string op)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"{op} needs tensors of the same shape; got {a.Shape} and {b.Shape}.");
        }
    }
}
