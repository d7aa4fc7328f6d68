using System.Linq;
using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;
using Xunit.Abstractions;

namespace SymGrad.IntegrationTests;

/// <summary>
/// Generated double gradients against finite differences of the generated ComputeLoss: a check that
/// shares no derivative code with either autodiff path. Method and step: <see cref="FiniteDifferences"/>.
/// </summary>
public sealed class FiniteDifferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    /// <summary>
    /// At most this fraction of the checked entries may have an untrusted estimate (a kink inside the
    /// stencil, or rounding noise); more would mean the check is not checking.
    /// </summary>
    private const double MaxUntrustedFraction = 0.05;

    private const int Seed = 1;

    [Theory]
    [MemberData(nameof(ZooCatalog.NetworksAndBatches), MemberType = typeof(ZooCatalog))]
    public void DoubleGradientsMatchFiniteDifferences(string name, int batch)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateDouble(Seed);
        var (inputs, targets) = EquivalenceTests.Data(entry, network.InputSize, network.OutputSize, batch);
        network.ComputeGradients(inputs, targets);
        double[] gradients = network.Gradients.ToArray();
        double[] parametersBefore = network.Parameters.ToArray();

        int[] indices = FiniteDifferences.ChooseIndices(network, TestData.SeedFor(name, batch));
        var estimates = FiniteDifferences.Estimate(network, inputs, targets, indices);

        Assert.Equal(parametersBefore, network.Parameters.ToArray());
        var trusted = estimates.Where(e => e.IsTrusted(Tolerance)).ToArray();
        var untrusted = estimates.Where(e => !e.IsTrusted(Tolerance)).ToArray();
        foreach (var e in untrusted)
        {
            output.WriteLine($"untrusted: {GradientAssert.DescribeParameter(network.ParameterViews, e.Index)}: " +
                $"estimates {e.Estimate:R} and {e.Check:R}, generated {gradients[e.Index]:R}");
        }
        output.WriteLine($"{name}D batch {batch}: {estimates.Length} checked, {untrusted.Length} untrusted.");
        Assert.True(untrusted.Length <= MaxUntrustedFraction * estimates.Length,
            $"{untrusted.Length} of {estimates.Length} finite-difference estimates are untrusted (see the test output).");

        int compared = GradientAssert.EqualAt(
            trusted.Select(e => e.Index).ToArray(),
            trusted.Select(e => e.Estimate).ToArray(),
            trusted.Select(e => gradients[e.Index]).ToArray(),
            i => GradientAssert.DescribeParameter(network.ParameterViews, i),
            Tolerance, "finite difference", "generated");
        Assert.True(compared > 0, $"{name}D at batch {batch}: no entry above {GradientAssert.MagnitudeFloor} was compared.");
    }
}
