using System;

namespace SymGrad;

// Element-wise activations and arithmetic operators. Each activation is a pair: the function and its
// derivative written from the input x and the output y (whichever is simpler and exact).
public sealed partial class Tensor
{
    private static readonly double InverseSqrtTwo = 1.0 / Math.Sqrt(2.0);
    private static readonly double InverseSqrtTwoPi = 1.0 / Math.Sqrt(2.0 * Math.PI);

    /// <summary>max(0, x); derivative 0 at x = 0 (as PyTorch).</summary>
    public static Tensor Relu(Tensor x) =>
        Map(x, v => v > 0 ? v : 0.0, (v, _) => v > 0 ? 1.0 : 0.0);

    /// <summary>x for x &gt; 0, slope * x otherwise; derivative slope at x = 0 (as PyTorch).</summary>
    public static Tensor LeakyRelu(Tensor x, double slope) =>
        Map(x, v => v > 0 ? v : slope * v, (v, _) => v > 0 ? 1.0 : slope);

    /// <summary>x for x &gt; 0, alpha * (e^x - 1) otherwise; derivative alpha at x = 0 (as PyTorch).</summary>
    public static Tensor Elu(Tensor x, double alpha) =>
        Map(x, v => v > 0 ? v : alpha * (Math.Exp(v) - 1.0), (v, _) => v > 0 ? 1.0 : alpha * Math.Exp(v));

    /// <summary>1 / (1 + e^-x); derivative y (1 - y).</summary>
    public static Tensor Sigmoid(Tensor x) =>
        Map(x, Logistic, (_, y) => y * (1.0 - y));

    /// <summary>tanh(x); derivative 1 - y^2.</summary>
    public static Tensor Tanh(Tensor x) =>
        Map(x, Math.Tanh, (_, y) => 1.0 - y * y);

    /// <summary>0.5 x (1 + erf(x / sqrt 2)) (exact form); derivative Phi(x) + x phi(x).</summary>
    public static Tensor Gelu(Tensor x) =>
        Map(
            x,
            v => 0.5 * v * (1.0 + ScalarMath.Erf(v * InverseSqrtTwo)),
            (v, _) => 0.5 * (1.0 + ScalarMath.Erf(v * InverseSqrtTwo)) + v * InverseSqrtTwoPi * Math.Exp(-0.5 * v * v));

    /// <summary>x * sigmoid(x); derivative s (1 + x (1 - s)).</summary>
    public static Tensor Silu(Tensor x) =>
        Map(x, v => v * Logistic(v), (v, _) => Logistic(v) * (1.0 + v * (1.0 - Logistic(v))));

    /// <summary>Element-wise sum of two tensors of the same shape.</summary>
    public static Tensor operator +(Tensor a, Tensor b) =>
        Zip(a, b, "Addition", (u, v) => u + v, (_, _) => 1.0, (_, _) => 1.0);

    /// <summary>Element-wise difference of two tensors of the same shape.</summary>
    public static Tensor operator -(Tensor a, Tensor b) =>
        Zip(a, b, "Subtraction", (u, v) => u - v, (_, _) => 1.0, (_, _) => -1.0);

    /// <summary>Element-wise (Hadamard) product of two tensors of the same shape.</summary>
    public static Tensor operator *(Tensor a, Tensor b) =>
        Zip(a, b, "Element-wise multiplication", (u, v) => u * v, (_, v) => v, (u, _) => u);

    /// <summary>Every element times the constant <paramref name="c"/>.</summary>
    public static Tensor operator *(double c, Tensor a) => Map(a, v => c * v, (_, _) => c);

    /// <summary>Every element times the constant <paramref name="c"/>.</summary>
    public static Tensor operator *(Tensor a, double c) => c * a;

    /// <summary>Element-wise negation.</summary>
    public static Tensor operator -(Tensor a) => Map(a, v => -v, (_, _) => -1.0);

    // Numerically stable logistic function: never evaluates e^t for a large positive t.
    private static double Logistic(double v)
    {
        if (v >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-v));
        }
        double e = Math.Exp(v);
        return e / (1.0 + e);
    }

    // y = f(x) element-wise; backward: dx += dy * derivative(x, y).
    private static Tensor Map(Tensor x, Func<double, double> function, Func<double, double, double> derivative)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = new double[x.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = function(x.Data[i]);
        }
        return Record(x.Rows, x.Columns, data, new[] { x }, result =>
        {
            if (x.Gradient is not { } dx)
            {
                return;
            }
            for (int i = 0; i < dx.Length; i++)
            {
                dx[i] += result.Gradient![i] * derivative(x.Data[i], result.Data[i]);
            }
        });
    }

    // c = f(a, b) element-wise over equal shapes; backward: da += dc * df/da, db += dc * df/db.
    private static Tensor Zip(
        Tensor a,
        Tensor b,
        string op,
        Func<double, double, double> function,
        Func<double, double, double> partialA,
        Func<double, double, double> partialB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSameShape(a, b, op);
        var data = new double[a.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = function(a.Data[i], b.Data[i]);
        }
        return Record(a.Rows, a.Columns, data, new[] { a, b }, result =>
        {
            var dc = result.Gradient!;
            if (a.Gradient is { } da)
            {
                for (int i = 0; i < da.Length; i++)
                {
                    da[i] += dc[i] * partialA(a.Data[i], b.Data[i]);
                }
            }
            if (b.Gradient is { } db)
            {
                for (int i = 0; i < db.Length; i++)
                {
                    db[i] += dc[i] * partialB(a.Data[i], b.Data[i]);
                }
            }
        });
    }
}
