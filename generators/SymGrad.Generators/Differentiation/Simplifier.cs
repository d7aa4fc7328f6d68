using System;

namespace SymGrad.Generators.Differentiation;

/// <summary>
/// Smart constructors that simplify as they build: constant folding, the identities of 0 and 1,
/// sign pushing (a * -b is -(a b), a - -b is a + b), constants first in products, equal branches of
/// a piecewise function merged. The differentiator builds only through these, so its results come
/// out simplified; <see cref="Simplify"/> rebuilds a parsed body through them.
/// </summary>
internal static class Simplifier
{
    public static Expr Number(double value) => value == 0 ? Constant.Zero : value == 1 ? Constant.One : new Constant(value);

    public static Expr Add(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return Number(ca.Value + cb.Value);
        if (IsZero(a)) return b;
        if (IsZero(b)) return a;
        if (b is Negate nb) return Subtract(a, nb.Operand);
        if (a is Negate na) return Subtract(b, na.Operand);
        if (b is Constant { Value: < 0 } negative) return Subtract(a, Number(-negative.Value));
        if (LikeTerms(a, b, out var ta, out var tb)) return Multiply(Number(ta.Coefficient + tb.Coefficient), ta.Factor);
        return new Binary(BinaryOp.Add, a, b);
    }

    public static Expr Subtract(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return Number(ca.Value - cb.Value);
        if (IsZero(b)) return a;
        if (IsZero(a)) return Negate(b);
        if (a.Equals(b)) return Constant.Zero;
        if (b is Negate nb) return Add(a, nb.Operand);
        if (LikeTerms(a, b, out var ta, out var tb)) return Multiply(Number(ta.Coefficient - tb.Coefficient), ta.Factor);
        if (b is Constant { Value: < 0 } negative) return Add(a, Number(-negative.Value));
        return new Binary(BinaryOp.Subtract, a, b);
    }

    public static Expr Multiply(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return Number(ca.Value * cb.Value);
        if (IsZero(a) || IsZero(b)) return Constant.Zero;
        if (IsOne(a)) return b;
        if (IsOne(b)) return a;
        if (a is Constant { Value: -1 }) return Negate(b);
        if (b is Constant { Value: -1 }) return Negate(a);
        if (a is Negate na) return Negate(Multiply(na.Operand, b));
        if (b is Negate nb) return Negate(Multiply(a, nb.Operand));
        if (b is Constant && a is not Constant) return Multiply(b, a);
        if (a is Constant c1 && b is Binary { Op: BinaryOp.Multiply, Left: Constant c2 } inner) return Multiply(Number(c1.Value * c2.Value), inner.Right);
        if (a is Constant { Value: < 0 } negative) return Negate(Multiply(Number(-negative.Value), b));
        // 1 / u * v reads better as v / u.
        if (a is Binary { Op: BinaryOp.Divide, Left: Constant { Value: 1 } } reciprocal) return Divide(b, reciprocal.Right);
        if (b is Binary { Op: BinaryOp.Divide, Left: Constant { Value: 1 } } reciprocalRight) return Divide(a, reciprocalRight.Right);
        return new Binary(BinaryOp.Multiply, a, b);
    }

    public static Expr Divide(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb && cb.Value != 0) return Number(ca.Value / cb.Value);
        if (IsZero(a)) return Constant.Zero;
        if (IsOne(b)) return a;
        if (a is Negate na) return Negate(Divide(na.Operand, b));
        if (b is Negate nb) return Negate(Divide(a, nb.Operand));
        if (a is Constant { Value: < 0 } negative) return Negate(Divide(Number(-negative.Value), b));
        // (c u) / v is c (u / v), so that the constant can meet other constants.
        if (a is Binary { Op: BinaryOp.Multiply, Left: Constant c } scaled) return Multiply(c, Divide(scaled.Right, b));
        return new Binary(BinaryOp.Divide, a, b);
    }

    public static Expr Negate(Expr a) => a switch
    {
        Constant c => Number(-c.Value),
        Negate n => n.Operand,
        Binary { Op: BinaryOp.Subtract } d => Subtract(d.Right, d.Left),
        _ => new Negate(a),
    };

    public static Expr Pow(Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return Number(Math.Pow(ca.Value, cb.Value));
        if (IsZero(b)) return Constant.One;
        if (IsOne(b)) return a;
        if (IsOne(a)) return Constant.One;
        return new Binary(BinaryOp.Pow, a, b);
    }

    public static Expr MaxOrMin(BinaryOp op, Expr a, Expr b)
    {
        if (a is Constant ca && b is Constant cb) return Number(op == BinaryOp.Max ? Math.Max(ca.Value, cb.Value) : Math.Min(ca.Value, cb.Value));
        if (a.Equals(b)) return a;
        return new Binary(op, a, b);
    }

    public static Expr Call(Function function, Expr argument)
    {
        if (argument is Constant c)
        {
            double folded = Evaluate(function, c.Value);
            if (!double.IsNaN(folded) && !double.IsInfinity(folded)) return Number(folded);
        }
        if (function == Function.Abs && argument is Negate n) return Call(Function.Abs, n.Operand);
        return new Call(function, argument);
    }

    public static Expr Clamp(Expr value, Expr low, Expr high)
    {
        if (value is Constant v && low is Constant l && high is Constant h && l.Value <= h.Value) return Number(Math.Min(Math.Max(v.Value, l.Value), h.Value));
        return new Clamp(value, low, high);
    }

    public static Expr Conditional(Condition condition, Expr whenTrue, Expr whenFalse)
    {
        if (whenTrue.Equals(whenFalse)) return whenTrue;
        if (condition.Left is Constant l && condition.Right is Constant r) return Compare(condition.Op, l.Value, r.Value) ? whenTrue : whenFalse;
        return new Conditional(condition, whenTrue, whenFalse);
    }

    public static Expr Binary(BinaryOp op, Expr a, Expr b) => op switch
    {
        BinaryOp.Add => Add(a, b),
        BinaryOp.Subtract => Subtract(a, b),
        BinaryOp.Multiply => Multiply(a, b),
        BinaryOp.Divide => Divide(a, b),
        BinaryOp.Pow => Pow(a, b),
        _ => MaxOrMin(op, a, b),
    };

    /// <summary>The tree rebuilt bottom-up through the smart constructors.</summary>
    public static Expr Simplify(Expr e) => e switch
    {
        Negate n => Negate(Simplify(n.Operand)),
        Call c => Call(c.Function, Simplify(c.Argument)),
        Binary b => Binary(b.Op, Simplify(b.Left), Simplify(b.Right)),
        Clamp c => Clamp(Simplify(c.Value), Simplify(c.Low), Simplify(c.High)),
        Conditional c => Conditional(new Condition(c.Condition.Op, Simplify(c.Condition.Left), Simplify(c.Condition.Right)),
            Simplify(c.WhenTrue), Simplify(c.WhenFalse)),
        _ => e,
    };

    public static double Evaluate(Function function, double x) => function switch
    {
        Function.Exp => Math.Exp(x),
        Function.Log => Math.Log(x),
        Function.Log2 => Math.Log(x) / Math.Log(2),
        Function.Log10 => Math.Log10(x),
        Function.Sqrt => Math.Sqrt(x),
        Function.Cbrt => x < 0 ? -Math.Pow(-x, 1.0 / 3) : Math.Pow(x, 1.0 / 3),
        Function.Tanh => Math.Tanh(x),
        Function.Sinh => Math.Sinh(x),
        Function.Cosh => Math.Cosh(x),
        Function.Sin => Math.Sin(x),
        Function.Cos => Math.Cos(x),
        Function.Tan => Math.Tan(x),
        Function.Atan => Math.Atan(x),
        _ => Math.Abs(x),
    };

    public static bool Compare(Comparison op, double a, double b) => op switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        Comparison.GreaterOrEqual => a >= b,
        Comparison.Equal => a == b,
        _ => a != b,
    };

    /// <summary>c1 u and c2 u (u, -u, 3 u, -(0.5 u)): terms that collect into (c1 + c2) u.</summary>
    private static bool LikeTerms(Expr a, Expr b, out (double Coefficient, Expr Factor) ta, out (double Coefficient, Expr Factor) tb)
    {
        ta = Term(a);
        tb = Term(b);
        return ta.Factor is not Constant && (ta.Factor.Equals(tb.Factor)
            || (ta.Factor is Binary { Op: BinaryOp.Multiply } pa && tb.Factor is Binary { Op: BinaryOp.Multiply } pb
                && pa.Left.Equals(pb.Right) && pa.Right.Equals(pb.Left)));
    }

    private static (double Coefficient, Expr Factor) Term(Expr e) => e switch
    {
        Negate n => Scaled(-1, Term(n.Operand)),
        Binary { Op: BinaryOp.Multiply, Left: Constant c } m => Scaled(c.Value, Term(m.Right)),
        _ => (1, e),
    };

    private static (double, Expr) Scaled(double factor, (double Coefficient, Expr Factor) term) => (factor * term.Coefficient, term.Factor);

    private static bool IsZero(Expr e) => e is Constant { Value: 0 };

    private static bool IsOne(Expr e) => e is Constant { Value: 1 };
}
