using System;
using System.Linq;
using SymGrad.Benchmarks;
using SymGrad.Benchmarks.Generic;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests;

/// <summary>
/// The benchmark suite's generic LSTM (tests/SymGrad.Benchmarks/Generic/LstmLayer.cs, plain loops and SIMD kernels)
/// computes the same loss and gradients as the generated benchmark LSTMs (T = 10 unrolled, T = 20 rolled) on the same
/// float batch, and as the reference tape (double, independent of both): so the suite times equal work.
/// Tolerance 1e-4 relative (float sums in different orders; see <see cref="AssertClose"/> for entries near zero).
/// </summary>
public class GenericLstmGradientTests
{
    private const int Features = 8, Hidden = 32, Outputs = 4, MaxBatch = 32;
    private const double Tolerance = 1e-4;

    public static TheoryData<int, bool, int> Cases => new()
    {
        { 10, false, 32 }, { 10, true, 32 }, { 20, false, 32 }, { 20, true, 32 },
        // A batch below the maximum moves every gate block of the per-step storage.
        { 20, false, 7 }, { 20, true, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GenericLstm_GradientsEqualGeneratedAndReference(int steps, bool useKernels, int batch)
    {
        INetwork<float> generated = steps == 10 ? new LstmT10(seed: 5) : new LstmT20(seed: 5);
        var generic = new GenericNetwork(
            new GenericLayer[] { new LstmLayer(steps, Features, Hidden, useKernels), new DenseLayer(Hidden, Outputs, useKernels) },
            new MeanSquaredErrorLoss(), MaxBatch);
        Assert.Equal(generated.ParameterCount, generic.Parameters.Length);
        generated.Parameters.CopyTo(generic.Parameters);
        float[] inputs = Floats(Gradients.Values(batch * steps * Features, 21));
        float[] targets = Floats(Gradients.Values(batch * Outputs, 22));

        float genericLoss = generic.ComputeGradients(inputs, targets);
        float generatedLoss = generated.ComputeGradients(inputs, targets);
        var reference = generated.ComputeReferenceGradients(inputs, targets);

        GradientAssert.ScalarEqual(generatedLoss, genericLoss, Tolerance, "loss");
        GradientAssert.ScalarEqual(reference.Loss, genericLoss, Tolerance, "loss against the reference");
        double[] genericGradients = generic.Gradients.Select(g => (double)g).ToArray();
        double[] generatedGradients = generated.Gradients.ToArray().Select(g => (double)g).ToArray();
        int compared = AssertClose(generatedGradients, genericGradients, generated, "generated");
        AssertClose(reference.Gradients, genericGradients, generated, "reference");
        // Not vacuous: about half of the entries are above the floor and measured by their own magnitude.
        Assert.True(compared > generated.ParameterCount / 3, $"only {compared} of {generated.ParameterCount} entries above the floor");
    }

    [Fact]
    public void GenericLstm_RejectsABatchAboveTheReservedOneAndAnInputGradient()
    {
        var layer = new LstmLayer(2, Features, Hidden, useKernels: false);
        layer.Bind(new float[layer.ParameterCount], new float[layer.ParameterCount], 0);
        layer.Reserve(4);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => layer.Forward(new float[5 * layer.Inputs], new float[5 * Hidden], 5));
        Assert.Equal("batch", error.ParamName);
        layer.Forward(new float[4 * layer.Inputs], new float[4 * Hidden], 4);
        Assert.Throws<NotSupportedException>(() => layer.Backward(new float[4 * layer.Inputs], new float[4 * Hidden], new float[4 * Hidden], new float[4 * layer.Inputs], 4));
    }

    /// <summary>
    /// |a - b| / max(|a|, |b|, floor) at most <see cref="Tolerance"/> for every entry, with floor = 1e-3 of the largest
    /// expected magnitude: an entry a thousand times smaller than the largest is a sum whose terms mostly cancel, and
    /// float rounding of those terms (in a different order on each side) is measured against the gradient's scale.
    /// </summary>
    /// <returns>How many entries were above the floor.</returns>
    private static int AssertClose(double[] expected, double[] actual, INetwork<float> network, string expectedName)
    {
        Assert.Equal(expected.Length, actual.Length);
        double floor = 1e-3 * expected.Max(Math.Abs);
        Assert.True(floor > 0, "all-zero gradient");
        int above = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            double magnitude = Math.Max(Math.Abs(expected[k]), Math.Abs(actual[k]));
            above += magnitude > floor ? 1 : 0;
            double error = Math.Abs(expected[k] - actual[k]) / Math.Max(magnitude, floor);
            if (!(error <= Tolerance))
            {
                var view = network.ParameterViews.First(v => k >= v.Offset && k < v.Offset + v.Length);
                Assert.Fail($"{view.Name}[{k - view.Offset}]: {expectedName} {expected[k]:R}, generic {actual[k]:R}, error {error:R} (floor {floor:R}).");
            }
        }
        return above;
    }

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();
}
