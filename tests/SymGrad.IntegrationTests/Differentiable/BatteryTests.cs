using System;
using System.Collections.Generic;
using System.Linq;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>
/// Every emitted derivative of the battery against central finite differences in double (with one
/// Richardson step, error O(h^4)), at 64 points each away from kinks, to 1e-7 relative; and the
/// documented one-sided rule at the kinks themselves.
/// </summary>
public sealed class BatteryTests
{
    /// <summary>Relative tolerance; below <see cref="Floor"/> in magnitude the comparison is absolute.</summary>
    private const double Tolerance = 1e-7;
    private const double Floor = 1e-3;
    private const int Points = 64;

    public static TheoryData<string> Names => new(BatteryCases.All.Select(c => c.Name));

    [Fact]
    public void The_battery_has_at_least_thirty_functions() => Assert.True(BatteryCases.All.Count >= 30, BatteryCases.All.Count.ToString());

    [Theory]
    [MemberData(nameof(Names))]
    public void Emitted_derivative_matches_central_differences(string name)
    {
        var c = BatteryCases.All.Single(x => x.Name == name);
        var random = new Random(1234 + name.Length);
        int checkedPoints = 0;
        for (int n = 0; checkedPoints < Points && n < Points * 20; n++)
        {
            var x = new double[c.Arity];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = c.Low + (c.High - c.Low) * random.NextDouble();
            }
            if (c.NearKink?.Invoke(x) == true)
            {
                continue;
            }
            var emitted = c.Gradient(x);
            Assert.Equal(c.Arity, emitted.Length);
            for (int i = 0; i < c.Arity; i++)
            {
                double numeric = CentralDifference(c.Function, x, i);
                double error = Math.Abs(emitted[i] - numeric) / Math.Max(Floor, Math.Max(Math.Abs(emitted[i]), Math.Abs(numeric)));
                Assert.True(error <= Tolerance, $"{name} d/dx{i} at ({string.Join(", ", x)}): emitted {emitted[i]:R}, numeric {numeric:R}, relative error {error:E2}");
            }
            checkedPoints++;
        }
        Assert.Equal(Points, checkedPoints);
    }

    // (4 D(h/2) - D(h)) / 3 with D the central difference; h relative to max(1, |x|).
    private static double CentralDifference(Func<double[], double> f, double[] x, int i)
    {
        double h = 1e-3 * Math.Max(1, Math.Abs(x[i]));
        double At(double offset)
        {
            var y = (double[])x.Clone();
            y[i] += offset;
            return f(y);
        }
        double coarse = (At(h) - At(-h)) / (2 * h);
        double fine = (At(h / 2) - At(-h / 2)) / h;
        return (4 * fine - coarse) / 3;
    }

    [Fact]
    public void Kinks_follow_the_documented_one_sided_rule()
    {
        // c ? a : b at the boundary: the branch the condition selects.
        Assert.Equal(1.0, Battery.EluDerivative(1e-300, 1.0));        // x > 0 branch just right of 0
        Assert.Equal(1.0, Battery.EluDerivative(0.0, 1.0));           // x > 0 is false at 0: alpha e^0 = 1 (the left piece)
        Assert.Equal(1.0, Battery.LeakyDerivative(0.0, 0.1));         // x >= 0 is true at 0: the right piece
        Assert.Equal(0.1, Battery.LeakyDerivative(-1e-300, 0.1));
        // |u| at 0: the right derivative.
        Assert.Equal(1.0, Battery.SoftsignDerivative(0.0));
        Battery.SmoothL1Gradient(2.0, 2.0, 0.5, out double dp, out double dt);
        Assert.Equal((0.0, 0.0), (dp, dt));                           // the smooth piece at r = 0: a / beta = 0
        Battery.HuberGradient(3.0, 2.0, 1.0, out dp, out _);          // |r| = delta: |r| <= delta selects the quadratic piece, r = 1
        Assert.Equal(1.0, dp);
        // Max/Min at a tie: the first argument.
        Battery.MaxMinGradient(0.5, 0.5, out double dx, out double dy);
        Assert.Equal((1.0 + 0.5, 0.0 + 0.5), (dx, dy));               // Max -> x; Min(x y, 1) -> y and x
        // Clamp at a bound: the inside piece (d/dx of clamp(x) x = 2 x inside).
        Assert.Equal(-2.0, Battery.ClampedDerivative(-1.0));
        Assert.Equal(4.0, Battery.ClampedDerivative(2.0));
        Assert.Equal(-1.0 * 2, Battery.ClampedDerivative(-3.0) * 2);  // outside: clamp(x) = -1, derivative -1
        // BCE is smooth at z = 0 although built from Max and Abs: the one-sided rules add up to sigmoid(0) - t.
        Battery.BinaryCrossEntropyGradient(0.0, 0.25, out double dz, out _);
        Assert.Equal(0.5 - 0.25, dz, 15);
    }
}
