using System;
using System.Collections.Generic;
using static SymGrad.Generators.Differentiation.Simplifier;

namespace SymGrad.Generators.Differentiation;

/// <summary>
/// Symbolic partial derivatives by the rules of calculus, built through <see cref="Simplifier"/>.
/// Kinks follow one documented rule: the derivative is that of the piece the forward evaluation
/// selects. For <c>c ? a : b</c> that is the branch the condition picks (at a boundary, the branch
/// whose condition includes the point); <c>|u|</c> at u = 0 takes the right derivative (+u');
/// <c>Max(a, b)</c> and <c>Min(a, b)</c> at a tie take the first argument; <c>Clamp(u, lo, hi)</c> at
/// a bound passes u' (the inside piece).
/// </summary>
internal sealed class Differentiator
{
    private static readonly double Ln2 = Math.Log(2);
    private static readonly double Ln10 = Math.Log(10);

    private readonly int _variable;
    private readonly Dictionary<Expr, Expr> _memo = new();

    private Differentiator(int variable) => _variable = variable;

    /// <summary>d <paramref name="e"/> / d parameter number <paramref name="variable"/>, simplified.</summary>
    public static Expr Derive(Expr e, int variable) => new Differentiator(variable).D(e);

    private Expr D(Expr e)
    {
        if (_memo.TryGetValue(e, out var known))
        {
            return known;
        }
        var result = Rule(e);
        _memo[e] = result;
        return result;
    }

    private Expr Rule(Expr e)
    {
        switch (e)
        {
            case Constant:
                return Constant.Zero;
            case Variable v:
                return v.Index == _variable ? Constant.One : Constant.Zero;
            case Negate n:
                return Negate(D(n.Operand));
            case Binary b:
                return BinaryRule(b);
            case Call c:
                var inner = D(c.Argument);
                return IsZero(inner) ? Constant.Zero : CallRule(c, inner);
            case Clamp c:
                // u < lo: lo'; u > hi: hi'; inside and at the bounds: u'.
                return Conditional(new Condition(Comparison.Less, c.Value, c.Low), D(c.Low),
                    Conditional(new Condition(Comparison.Greater, c.Value, c.High), D(c.High), D(c.Value)));
            case Conditional c:
                return Conditional(c.Condition, D(c.WhenTrue), D(c.WhenFalse));
            default:
                throw new InvalidOperationException("unknown expression " + e.GetType().Name);
        }
    }

    private Expr BinaryRule(Binary b)
    {
        Expr a = b.Left, c = b.Right;
        switch (b.Op)
        {
            case BinaryOp.Add:
                return Add(D(a), D(c));
            case BinaryOp.Subtract:
                return Subtract(D(a), D(c));
            case BinaryOp.Multiply:
                return Add(Multiply(D(a), c), Multiply(a, D(c)));
            case BinaryOp.Divide:
                // (a / c)' = a' / c - a c' / c^2
                return Subtract(Divide(D(a), c), Divide(Multiply(a, D(c)), Pow(c, Number(2))));
            case BinaryOp.Pow:
                return PowRule(a, c);
            case BinaryOp.Max:
                return Conditional(new Condition(Comparison.GreaterOrEqual, a, c), D(a), D(c));
            default:
                return Conditional(new Condition(Comparison.LessOrEqual, a, c), D(a), D(c));
        }
    }

    private Expr PowRule(Expr u, Expr v)
    {
        var du = D(u);
        var dv = D(v);
        if (IsZero(dv))
        {
            // (u^n)' = n u^(n-1) u'
            var exponent = v is Constant n ? Number(n.Value - 1) : Subtract(v, Constant.One);
            return Multiply(Multiply(v, Pow(u, exponent)), du);
        }
        // (u^v)' = u^v (v' ln u + v u' / u)
        return Multiply(Pow(u, v), Add(Multiply(dv, Call(Function.Log, u)), Divide(Multiply(v, du), u)));
    }

    private static Expr CallRule(Call c, Expr du)
    {
        var u = c.Argument;
        switch (c.Function)
        {
            case Function.Exp:
                return Multiply(c, du);
            case Function.Log:
                return Divide(du, u);
            case Function.Log2:
                return Divide(du, Multiply(Number(Ln2), u));
            case Function.Log10:
                return Divide(du, Multiply(Number(Ln10), u));
            case Function.Sqrt:
                return Divide(du, Multiply(Number(2), c));
            case Function.Cbrt:
                return Divide(du, Multiply(Number(3), Pow(c, Number(2))));
            case Function.Tanh:
                return Multiply(Subtract(Constant.One, Pow(c, Number(2))), du);
            case Function.Sinh:
                return Multiply(Call(Function.Cosh, u), du);
            case Function.Cosh:
                return Multiply(Call(Function.Sinh, u), du);
            case Function.Sin:
                return Multiply(Call(Function.Cos, u), du);
            case Function.Cos:
                return Negate(Multiply(Call(Function.Sin, u), du));
            case Function.Tan:
                return Multiply(Add(Constant.One, Pow(c, Number(2))), du);
            case Function.Atan:
                return Divide(du, Add(Constant.One, Pow(u, Number(2))));
            default:
                // |u|' = -u' for u < 0, else u' (the right derivative at 0).
                return Conditional(new Condition(Comparison.Less, u, Constant.Zero), Negate(du), du);
        }
    }

    private static bool IsZero(Expr e) => e is Constant { Value: 0 };
}
