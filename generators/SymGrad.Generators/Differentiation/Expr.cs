using System;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Differentiation;

/// <summary>The functions of one argument that the differentiator knows (System.Math / MathF names).</summary>
internal enum Function
{
    Exp,
    Log,
    Log2,
    Log10,
    Sqrt,
    Cbrt,
    Tanh,
    Sinh,
    Cosh,
    Sin,
    Cos,
    Tan,
    Atan,
    Abs,
}

/// <summary>Binary arithmetic and the two-argument Math functions.</summary>
internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Pow,
    Max,
    Min,
}

/// <summary>The comparisons a piecewise condition may use.</summary>
internal enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>
/// A scalar expression: an immutable tree with structural (value) equality, so that it can sit in
/// the incremental pipeline's model and so that common subexpressions are found by a dictionary.
/// Each node caches its hash (trees are compared and hashed often by the simplifier and the hoister).
/// </summary>
internal abstract record Expr
{
    private int _hash;

    /// <summary>Number of nodes in the tree (a cost measure for hoisting and tests).</summary>
    public abstract int Size { get; }

    protected abstract int ComputeHash();

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            int h = ComputeHash();
            _hash = h == 0 ? 1 : h;
        }
        return _hash;
    }

    // Every derived record overrides this with its own field-by-field comparison.
    public virtual bool Equals(Expr? other) => ReferenceEquals(this, other);

    internal static int Combine(int a, int b) => unchecked(a * 31 + b);
}

/// <summary>A numeric constant.</summary>
internal sealed record Constant(double Value) : Expr
{
    public static readonly Constant Zero = new(0.0);
    public static readonly Constant One = new(1.0);

    public override int Size => 1;

    protected override int ComputeHash() => Combine(1, Value.GetHashCode());

    public bool Equals(Constant? other) => other is not null && (Value.Equals(other.Value));

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>The function's parameter number <paramref name="Index"/>.</summary>
internal sealed record Variable(int Index, string Name) : Expr
{
    public override int Size => 1;

    protected override int ComputeHash() => Combine(Combine(2, Index), StringComparer.Ordinal.GetHashCode(Name));

    public bool Equals(Variable? other) => other is not null && Index == other.Index && Name == other.Name;

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>-Operand.</summary>
internal sealed record Negate(Expr Operand) : Expr
{
    public override int Size => 1 + Operand.Size;

    protected override int ComputeHash() => Combine(3, Operand.GetHashCode());

    public bool Equals(Negate? other) => other is not null && GetHashCode() == other.GetHashCode() && Operand.Equals(other.Operand);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A known function of one argument.</summary>
internal sealed record Call(Function Function, Expr Argument) : Expr
{
    public override int Size => 1 + Argument.Size;

    protected override int ComputeHash() => Combine(Combine(4, (int)Function), Argument.GetHashCode());

    public bool Equals(Call? other) => other is not null && Function == other.Function && GetHashCode() == other.GetHashCode() && Argument.Equals(other.Argument);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>Left op Right.</summary>
internal sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr
{
    public override int Size => 1 + Left.Size + Right.Size;

    protected override int ComputeHash() => Combine(Combine(Combine(5, (int)Op), Left.GetHashCode()), Right.GetHashCode());

    public bool Equals(Binary? other) => other is not null && Op == other.Op && GetHashCode() == other.GetHashCode()
        && Left.Equals(other.Left) && Right.Equals(other.Right);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>Math.Clamp(Value, Low, High).</summary>
internal sealed record Clamp(Expr Value, Expr Low, Expr High) : Expr
{
    public override int Size => 1 + Value.Size + Low.Size + High.Size;

    protected override int ComputeHash() => Combine(Combine(Combine(6, Value.GetHashCode()), Low.GetHashCode()), High.GetHashCode());

    public bool Equals(Clamp? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Value.Equals(other.Value) && Low.Equals(other.Low) && High.Equals(other.High);

    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>The condition of a piecewise function: Left op Right.</summary>
internal sealed record Condition(Comparison Op, Expr Left, Expr Right);

/// <summary>Condition ? WhenTrue : WhenFalse (a piecewise function; its boundary is a kink).</summary>
internal sealed record Conditional(Condition Condition, Expr WhenTrue, Expr WhenFalse) : Expr
{
    public override int Size => 1 + Condition.Left.Size + Condition.Right.Size + WhenTrue.Size + WhenFalse.Size;

    protected override int ComputeHash() => Combine(Combine(Combine(Combine(Combine(7, (int)Condition.Op),
        Condition.Left.GetHashCode()), Condition.Right.GetHashCode()), WhenTrue.GetHashCode()), WhenFalse.GetHashCode());

    public bool Equals(Conditional? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Condition.Equals(other.Condition) && WhenTrue.Equals(other.WhenTrue) && WhenFalse.Equals(other.WhenFalse);

    public override int GetHashCode() => base.GetHashCode();
}
