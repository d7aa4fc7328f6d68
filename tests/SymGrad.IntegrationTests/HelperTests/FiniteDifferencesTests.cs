using System.Linq;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests.HelperTests;

/// <summary>The finite-difference helper is accurate on a smooth loss and distrusts itself across a kink.</summary>
public sealed class FiniteDifferencesTests
{
    [Fact]
    public void SmoothEntriesMatchTheAnalyticDerivativeToTheTestTolerance()
    {
        double[] p = { 0.3, -1.2, 2.5, 1e-3 };
        double[] x = { 0.7, -0.2, 1.5, 3.0 };
        var network = new KinkedScalarNetwork(p, kink: 10);

        var estimates = FiniteDifferences.Estimate(network, x, new double[1], new[] { 0, 1, 2, 3 });

        foreach (var e in estimates)
        {
            Assert.True(e.IsTrusted(1e-6), $"p[{e.Index}]: estimates {e.Estimate:R} and {e.Check:R} disagree on a smooth loss.");
            double exact = network.Derivative(e.Index, x);
            Assert.True(GradientAssert.RelativeError(exact, e.Estimate) < 1e-8, $"p[{e.Index}]: {e.Estimate:R} vs exact {exact:R}.");
        }
        Assert.Equal(new[] { 0.3, -1.2, 2.5, 1e-3 }, network.Parameters.ToArray());
    }

    [Fact]
    public void AKinkInsideEveryStencilIsNotTrusted()
    {
        // The kink sits 1e-5 from p: inside the stencil at h ~ 1e-3 and at the retry's h/16 ~ 6e-5.
        double[] p = { 0.5 };
        var network = new KinkedScalarNetwork(p, kink: 0.5 + 1e-5);

        var estimate = FiniteDifferences.Estimate(network, new[] { 1.0 }, new double[1], new[] { 0 }).Single();

        Assert.False(estimate.IsTrusted(1e-6), $"estimates {estimate.Estimate:R} and {estimate.Check:R} were trusted across a kink.");
        Assert.Equal(0.5, network.Parameters[0]);
    }

    [Fact]
    public void AKinkOutsideTheRetryStencilIsSteppedOver()
    {
        // 1e-3 from p: inside the first stencil (2h ~ 2e-3), outside the retry's (2h/16 ~ 1.2e-4).
        double[] p = { 0.5 };
        var network = new KinkedScalarNetwork(p, kink: 0.5 + 1e-3);

        var estimate = FiniteDifferences.Estimate(network, new[] { 1.0 }, new double[1], new[] { 0 }).Single();

        Assert.True(estimate.IsTrusted(1e-6));
        Assert.True(GradientAssert.RelativeError(network.Derivative(0, new[] { 1.0 }), estimate.Estimate) < 1e-6);
    }
}
