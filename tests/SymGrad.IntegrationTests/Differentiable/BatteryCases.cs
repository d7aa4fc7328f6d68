using System;
using System.Collections.Generic;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>One battery function: the function of its differentiated parameters, the emitted gradient, the sampling box and where its kinks are.</summary>
public sealed record BatteryCase(string Name, int Arity, Func<double[], double> Function, Func<double[], double[]> Gradient,
    double Low, double High, Func<double[], bool>? NearKink = null);

/// <summary>The battery's functions and the calls of their emitted derivatives.</summary>
public static class BatteryCases
{
    private const double Margin = 1e-3;

    private static bool Near(double value, double kink) => Math.Abs(value - kink) < Margin;

    private static BatteryCase One(string name, Func<double, double> f, Func<double, double> d, double low = -4, double high = 4, Func<double, bool>? kink = null) =>
        new(name, 1, x => f(x[0]), x => new[] { d(x[0]) }, low, high, kink is null ? null : x => kink(x[0]));

    public static IReadOnlyList<BatteryCase> All { get; } = new List<BatteryCase>
    {
        One("Softplus", Battery.Softplus, Battery.SoftplusDerivative),
        One("Swish", Battery.Swish, Battery.SwishDerivative),
        One("Mish", Battery.Mish, Battery.MishDerivative),
        One("GeluTanh", Battery.GeluTanh, Battery.GeluTanhDerivative),
        One("Elu", x => Battery.Elu(x), x => Battery.EluDerivative(x, 1.0), kink: x => Near(x, 0)),
        One("Selu", Battery.Selu, Battery.SeluDerivative, kink: x => Near(x, 0)),
        One("LogCosh", Battery.LogCosh, Battery.LogCoshDerivative),
        new("Huber", 2, x => Battery.Huber(x[0], x[1]), x => Grad2((double a, double b, out double da, out double db) => Battery.HuberGradient(a, b, 1.0, out da, out db), x),
            -3, 3, x => Near(Math.Abs(x[0] - x[1]), 1.0)),
        new("PseudoHuber", 2, x => Battery.PseudoHuber(x[0], x[1]), x => Grad2((double a, double b, out double da, out double db) => Battery.PseudoHuberGradient(a, b, 1.5, out da, out db), x), -3, 3),
        new("SmoothL1", 2, x => Battery.SmoothL1(x[0], x[1]), x => Grad2((double a, double b, out double da, out double db) => Battery.SmoothL1Gradient(a, b, 0.5, out da, out db), x),
            -3, 3, x => Near(Math.Abs(x[0] - x[1]), 0.5) || Near(x[0] - x[1], 0)),
        One("FocalTerm", z => Battery.FocalTerm(z), z => Battery.FocalTermDerivative(z, 2.0)),
        One("Gaussian", Battery.Gaussian, Battery.GaussianDerivative),
        new("NormalDensity", 3, x => Battery.NormalDensity(x[0], x[1], 1.5 + x[2] / 4), x =>
        {
            Battery.NormalDensityGradient(x[0], x[1], 1.5 + x[2] / 4, out double dx, out double dm, out double ds);
            return new[] { dx, dm, ds / 4 };
        }, -2, 2),
        One("Rational", Battery.Rational, Battery.RationalDerivative),
        One("RationalSum", Battery.RationalSum, Battery.RationalSumDerivative),
        One("Deep", Battery.Deep, Battery.DeepDerivative),
        One("DeepCalls", Battery.DeepCalls, Battery.DeepCallsDerivative),
        One("Sigmoid", Battery.Sigmoid, Battery.SigmoidDerivative),
        One("TanhByExp", Battery.TanhByExp, Battery.TanhByExpDerivative),
        One("LogSigmoid", Battery.LogSigmoid, Battery.LogSigmoidDerivative),
        new("BinaryCrossEntropy", 2, x => Battery.BinaryCrossEntropy(x[0], x[1]), x => Grad2(Battery.BinaryCrossEntropyGradient, x), -4, 4, x => Near(x[0], 0)),
        One("PowerOfSum", Battery.PowerOfSum, Battery.PowerOfSumDerivative),
        new("PowerOfVariable", 2, x => Battery.PowerOfVariable(x[0], x[1]), x => Grad2(Battery.PowerOfVariableGradient, x), -2, 2),
        One("Roots", Battery.Roots, Battery.RootsDerivative),
        One("Logs", Battery.Logs, Battery.LogsDerivative),
        One("Trig", Battery.Trig, Battery.TrigDerivative, -3, 3),
        One("Hyperbolic", Battery.Hyperbolic, Battery.HyperbolicDerivative),
        One("Clamped", Battery.Clamped, Battery.ClampedDerivative, kink: x => Near(x, -1) || Near(x, 2)),
        new("MaxMin", 2, x => Battery.MaxMin(x[0], x[1]), x => Grad2(Battery.MaxMinGradient, x), -2, 2, x => Near(x[0], x[1]) || Near(x[0] * x[1], 1)),
        new("FourParameters", 4, x => Battery.FourParameters(x[0], x[1], x[2], x[3]), x =>
        {
            Battery.FourParametersGradient(x[0], x[1], x[2], x[3], out double da, out double db, out double dc, out double dd);
            return new[] { da, db, dc, dd };
        }, -1.5, 1.5),
        new("Locals", 3, x => Battery.Locals(x[0], x[1], x[2]), x =>
        {
            Battery.LocalsGradient(x[0], x[1], x[2], out double da, out double db, out double dc);
            return new[] { da, db, dc };
        }, -2, 2),
        One("Softsign", Battery.Softsign, Battery.SoftsignDerivative, kink: x => Near(x, 0)),
        One("Cubic", Battery.Cubic, Battery.CubicDerivative),
        One("Constants", Battery.Constants, Battery.ConstantsDerivative),
        One("Leaky", x => Battery.Leaky(x), x => Battery.LeakyDerivative(x, 0.1), kink: x => Near(x, 0)),
        One("Piecewise", Battery.Piecewise, Battery.PiecewiseDerivative, kink: x => Near(x, -1) || Near(x, 1)),
    };

    private delegate double Gradient2(double a, double b, out double da, out double db);

    private static double[] Grad2(Gradient2 gradient, double[] x)
    {
        gradient(x[0], x[1], out double da, out double db);
        return new[] { da, db };
    }
}
