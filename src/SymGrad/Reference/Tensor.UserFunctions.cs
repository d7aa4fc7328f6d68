using System;

namespace SymGrad;

// User-written scalar functions ([Differentiable] in generated code) on the reference path. The
// reference cannot call the generator's derivatives (it must stay independent of them) and cannot
// run a compiled float/double function on dual numbers, so it differentiates by central differences
// in double with one Richardson step (error O(h^4)); see CentralDifference.
public sealed partial class Tensor
{
    /// <summary>
    /// y = f(x) element-wise for a user function; the derivative is taken numerically by central
    /// differences with Richardson extrapolation (about 1e-10 relative for a smooth double function),
    /// never from generated code. At a kink it is the average of the one-sided derivatives.
    /// </summary>
    public static Tensor Map(Tensor x, Func<double, double> function) => Map(x, function, CentralDifference.DoubleStep);

    internal static Tensor Map(Tensor x, Func<double, double> function, double relativeStep)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(function);
        return Map(x, function, (v, _) => CentralDifference.Derivative(function, v, relativeStep));
    }

    /// <summary>
    /// The mean over all elements of f(prediction, target), as a [1, 1] tensor: the per-element loss
    /// form. Both partial derivatives are taken by central differences (see <see cref="Map(Tensor, Func{double, double})"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<double, double, double> function) =>
        ElementwiseMean(prediction, target, function, CentralDifference.DoubleStep);

    internal static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<double, double, double> function, double relativeStep)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(function);
        RequireSameShape(prediction, target, "ElementwiseMean");
        int count = prediction.Length;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += function(prediction.Data[i], target.Data[i]);
        }
        return Record(1, 1, new[] { sum / count }, new[] { prediction, target }, result =>
        {
            double g = result.Gradient![0] / count;
            for (int i = 0; i < count; i++)
            {
                double p = prediction.Data[i], t = target.Data[i];
                if (prediction.Gradient is { } dp)
                {
                    dp[i] += g * CentralDifference.Derivative(v => function(v, t), p, relativeStep);
                }
                if (target.Gradient is { } dt)
                {
                    dt[i] += g * CentralDifference.Derivative(v => function(p, v), t, relativeStep);
                }
            }
        });
    }
}

/// <summary>
/// The numerical derivative the reference path uses for user functions: the central difference
/// D(h) = (f(x + h) - f(x - h)) / 2h, refined by Richardson extrapolation (4 D(h/2) - D(h)) / 3, whose
/// error is O(h^4). The step is relative to max(1, |x|).
/// </summary>
internal static class CentralDifference
{
    /// <summary>Step for double functions: truncation (h^4 ~ 1e-12) and rounding (1e-16 / h ~ 1e-13) both far below 1e-9.</summary>
    public const double DoubleStep = 1e-3;

    /// <summary>Step for float functions: float rounding (6e-8 / h) dominates, about 1e-5 relative.</summary>
    public const double FloatStep = 1e-2;

    public static double Derivative(Func<double, double> f, double x, double relativeStep)
    {
        double h = relativeStep * Math.Max(1.0, Math.Abs(x));
        double coarse = (f(x + h) - f(x - h)) / (2 * h);
        double fine = (f(x + h / 2) - f(x - h / 2)) / h;
        return (4 * fine - coarse) / 3;
    }
}
