using System;
using SymGrad;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>
/// The battery: [Differentiable] functions in double, compiled by the real generator, whose emitted
/// derivatives BatteryTests hold against central finite differences. Activations, losses, rational
/// functions, deep compositions, functions calling functions, two to four parameters, block bodies.
/// </summary>
public static partial class Battery
{
    [Differentiable] public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [Differentiable] public static double Swish(double x) => x / (1 + Math.Exp(-x));

    [Differentiable] public static double Mish(double x) => x * Math.Tanh(Softplus(x));

    [Differentiable]
    public static double GeluTanh(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    [Differentiable] public static double Elu(double x, double alpha = 1.0) => x > 0 ? x : alpha * (Math.Exp(x) - 1);

    [Differentiable]
    public static double Selu(double x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1));

    [Differentiable] public static double LogCosh(double x) => Math.Log(Math.Cosh(x));

    [Differentiable]
    public static double Huber(double prediction, double target, double delta = 1.0)
    {
        var r = prediction - target;
        return Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - 0.5 * delta);
    }

    [Differentiable]
    public static double PseudoHuber(double prediction, double target, double delta = 1.5)
    {
        var q = (prediction - target) / delta;
        return delta * delta * (Math.Sqrt(1 + q * q) - 1);
    }

    [Differentiable]
    public static double SmoothL1(double prediction, double target, double beta = 0.5)
    {
        var a = Math.Abs(prediction - target);
        return a < beta ? 0.5 * a * a / beta : a - 0.5 * beta;
    }

    /// <summary>The focal-loss term -(1 - p)^gamma ln p of the true class, with p = sigmoid(z).</summary>
    [Differentiable]
    public static double FocalTerm(double z, double gamma = 2.0)
    {
        var p = Sigmoid(z);
        return -Math.Pow(1 - p, gamma) * Math.Log(p);
    }

    [Differentiable] public static double Gaussian(double x) => Math.Exp(-0.5 * x * x);

    [Differentiable]
    public static double NormalDensity(double x, double mean, double sigma) =>
        Math.Exp(-0.5 * Math.Pow((x - mean) / sigma, 2)) / (sigma * Math.Sqrt(2 * Math.PI));

    [Differentiable] public static double Rational(double x) => (x * x + 1) / (x * x + x + 2);

    [Differentiable] public static double RationalSum(double x) => (3 * x - 1) / (x * x + 4) - 2 / (1 + x * x);

    [Differentiable] public static double Deep(double x) => Math.Sin(Math.Tanh(Math.Exp(Math.Sin(x) * 0.5)) * 2 + Math.Cos(x));

    [Differentiable] public static double DeepCalls(double x) => Swish(Softplus(Swish(x)));

    [Differentiable] public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Differentiable] public static double TanhByExp(double x) => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x));

    [Differentiable] public static double LogSigmoid(double x) => -Softplus(-x);

    [Differentiable]
    public static double BinaryCrossEntropy(double z, double t) => Math.Max(z, 0) - z * t + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    [Differentiable] public static double PowerOfSum(double x) => Math.Pow(x * x + 1, 1.5);

    [Differentiable] public static double PowerOfVariable(double x, double y) => Math.Pow(x * x + 1, y);

    [Differentiable] public static double Roots(double x) => Math.Sqrt(x * x + 1) + Math.Cbrt(x * x + 2);

    [Differentiable] public static double Logs(double x) => Math.Log2(x * x + 1) + Math.Log10(x * x + 3);

    [Differentiable] public static double Trig(double x) => Math.Sin(x) * Math.Cos(2 * x) + Math.Tan(x / 3) + Math.Atan(x);

    [Differentiable] public static double Hyperbolic(double x) => Math.Sinh(x / 2) * Math.Cosh(x / 3);

    [Differentiable] public static double Clamped(double x) => Math.Clamp(x, -1.0, 2.0) * x;

    [Differentiable] public static double MaxMin(double x, double y) => Math.Max(x, y) + Math.Min(x * y, 1.0);

    [Differentiable]
    public static double FourParameters(double a, double b, double c, double d) =>
        a * Math.Exp(-b * c) + Math.Log(1 + d * d) * a / (1 + b * b);

    [Differentiable]
    public static double Locals(double a, double b, double c)
    {
        var u = a * b;
        u += c;
        double v = u * u;
        v /= 1 + v;
        return v - u / 4;
    }

    [Differentiable] public static double Softsign(double x) => x / (1 + Math.Abs(x));

    [Differentiable]
    public static double Cubic(double x)
    {
        var y = x * x;
        y *= x;
        return y - 2 * x;
    }

    [Differentiable] public static double Constants(double x) => Math.PI * x * x + Math.E * x - 1.0 / 3;

    [Differentiable] public static double Leaky(double x, double slope = 0.1) => x >= 0 ? x : slope * x;

    [Differentiable]
    public static double Piecewise(double x) => x < -1 ? -x - 0.5 : x > 1 ? x * x - 0.5 : 0.5 * x * x;
}
