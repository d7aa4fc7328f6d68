using System;

namespace SymGrad.Tests.Optimizers;

/// <summary>
/// Each optimizer over 3 steps against its update rule written out here, element by element, from
/// PyTorch's documented algorithm (not from the library's code), plus a few sequences worked by hand.
/// </summary>
public class HandComputedSequenceTests
{
    private const int Steps = 3;
    private const double Tight = 1e-13;

    [Theory]
    [InlineData(0.1, 0.0)]
    [InlineData(0.05, 0.2)]
    public void SgdMatchesItsUpdateRule(double lr, double wd)
    {
        var p = OptimizerTestProblem.InitialParameters();
        for (int s = 0; s < Steps; s++)
        {
            for (int i = 0; i < p.Length; i++)
            {
                double g = OptimizerTestProblem.Gradient(i, p[i]) + wd * p[i];
                p[i] -= lr * g;
            }
        }
        var actual = OptimizerTestProblem.RunDouble(new Sgd(lr, wd), Steps);
        OptimizerTestProblem.AssertClose(p, actual, Tight);
    }

    [Theory]
    [InlineData(0.1, 0.9, false, 0.0)]
    [InlineData(0.1, 0.9, true, 0.0)]
    [InlineData(0.05, 0.5, true, 0.1)]
    [InlineData(0.05, 0.5, false, 0.1)]
    public void MomentumMatchesItsUpdateRule(double lr, double mu, bool nesterov, double wd)
    {
        var p = OptimizerTestProblem.InitialParameters();
        var v = new double[p.Length];
        for (int s = 0; s < Steps; s++)
        {
            for (int i = 0; i < p.Length; i++)
            {
                double g = OptimizerTestProblem.Gradient(i, p[i]) + wd * p[i];
                v[i] = s == 0 ? g : mu * v[i] + g;
                p[i] -= lr * (nesterov ? g + mu * v[i] : v[i]);
            }
        }
        var optimizer = new Momentum(lr, mu, nesterov, wd);
        var actual = OptimizerTestProblem.RunDouble(optimizer, Steps);
        OptimizerTestProblem.AssertClose(p, actual, Tight);
        OptimizerTestProblem.AssertClose(v, optimizer.GetVelocity<double>().ToArray(), Tight);
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.1)]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.1)]
    public void AdamAndAdamWMatchTheirUpdateRule(bool decoupled, double wd)
    {
        const double lr = 0.01, b1 = 0.8, b2 = 0.95, eps = 1e-6;
        var p = OptimizerTestProblem.InitialParameters();
        var m = new double[p.Length];
        var v = new double[p.Length];
        for (int t = 1; t <= Steps; t++)
        {
            for (int i = 0; i < p.Length; i++)
            {
                double g = OptimizerTestProblem.Gradient(i, p[i]);
                if (decoupled)
                {
                    p[i] -= lr * wd * p[i];
                }
                else
                {
                    g += wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.Pow(b1, t));
                double vHat = v[i] / (1 - Math.Pow(b2, t));
                // PyTorch adds eps to sqrt(v) / sqrt(1 - b2^t), i.e. to sqrt(vHat).
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
        }
        Optimizer optimizer = decoupled ? new AdamW(lr, b1, b2, eps, wd) : new Adam(lr, b1, b2, eps, wd);
        var actual = OptimizerTestProblem.RunDouble(optimizer, Steps);
        OptimizerTestProblem.AssertClose(p, actual, 1e-12);
        Assert.Equal(Steps, optimizer.StepCount);
    }

    [Fact]
    public void MomentumOnAConstantGradientGivesTheHandWorkedSequence()
    {
        // lr 0.1, mu 0.9, g = 1: v = 1, 1.9, 2.71; p = 1 - 0.1, - 0.19, - 0.271.
        AssertSequence(new Momentum(0.1, 0.9), 0.9, 0.71, 0.439);
        // Nesterov steps by g + mu v = 1.9, 2.71, 3.439.
        AssertSequence(new Momentum(0.1, 0.9, nesterov: true), 0.81, 0.539, 0.1951);
        // Plain SGD: p = 1 - 0.1 k.
        AssertSequence(new Sgd(0.1), 0.9, 0.8, 0.7);

        static void AssertSequence(Optimizer optimizer, params double[] expected)
        {
            var p = new[] { 1.0 };
            var g = new[] { 1.0 };
            foreach (double e in expected)
            {
                optimizer.Step(p, g);
                Assert.Equal(e, p[0], 1e-12);
            }
        }
    }

    [Fact]
    public void AdamFirstStepMovesEachParameterByTheLearningRateAgainstItsGradientSign()
    {
        // At t = 1, mHat = g and sqrt(vHat) = |g|, so the step is lr * g / (|g| + eps).
        var p = new[] { 1.0, 1.0, 1.0 };
        var g = new[] { 3.0, -0.25, 1e-3 };
        new Adam(0.01, epsilon: 1e-8).Step(p, g);
        Assert.Equal(1 - 0.01 * 3.0 / (3.0 + 1e-8), p[0], 1e-15);
        Assert.Equal(1 + 0.01 * 0.25 / (0.25 + 1e-8), p[1], 1e-15);
        Assert.Equal(1 - 0.01 * 1e-3 / (1e-3 + 1e-8), p[2], 1e-15);
    }
}
