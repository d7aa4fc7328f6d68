using System.Collections.Generic;
using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;

namespace SymGrad.IntegrationTests;

/// <summary>
/// TrainStep is ComputeGradients followed by the optimizer's step. With plain SGD and a power-of-two
/// learning rate, lr * g is exact in float and double, so p - lr * g has one correctly rounded value
/// and the update can be checked bit for bit.
/// </summary>
public sealed class SgdUpdateTests
{
    private const double LearningRate = 0.0625; // 2^-4

    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void DoubleTrainStepSubtractsLearningRateTimesGradient(string name)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateDouble(3);
        var (inputs, targets) = EquivalenceTests.Data(entry, network.InputSize, network.OutputSize, entry.OddBatch);
        double lossBefore = network.ComputeGradients(inputs, targets);
        double[] gradients = network.Gradients.ToArray();
        Assert.Contains(gradients, g => g != 0);
        double[] expected = network.Parameters.ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] -= LearningRate * gradients[i];
        }

        double loss = network.TrainStep(inputs, targets, new Sgd(LearningRate));

        Assert.Equal(lossBefore, loss);
        Assert.Equal(gradients, network.Gradients.ToArray());
        AssertBitIdentical(expected, network.Parameters.ToArray(), network);
    }

    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void FloatTrainStepSubtractsLearningRateTimesGradient(string name)
    {
        var entry = ZooCatalog.Get(name);
        var network = entry.CreateFloat(3);
        var (inputs, targets) = EquivalenceTests.Data(entry, network.InputSize, network.OutputSize, entry.OddBatch);
        float[] floatInputs = TestData.ToFloat(inputs), floatTargets = TestData.ToFloat(targets);
        float lossBefore = network.ComputeGradients(floatInputs, floatTargets);
        float[] gradients = network.Gradients.ToArray();
        Assert.Contains(gradients, g => g != 0);
        float[] expected = network.Parameters.ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] -= (float)LearningRate * gradients[i];
        }

        float loss = network.TrainStep(floatInputs, floatTargets, new Sgd(LearningRate));

        Assert.Equal(lossBefore, loss);
        Assert.Equal(gradients, network.Gradients.ToArray());
        AssertBitIdentical(TestData.ToDouble(expected), TestData.ToDouble(network.Parameters), network.ParameterViews);
    }

    private static void AssertBitIdentical(double[] expected, double[] actual, INetwork<double> network) =>
        AssertBitIdentical(expected, actual, network.ParameterViews);

    private static void AssertBitIdentical(double[] expected, double[] actual, IReadOnlyList<ParameterView> views)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                Assert.Fail($"{GradientAssert.DescribeParameter(views, i)}: expected p - lr * g = {expected[i]:R}, TrainStep left {actual[i]:R}.");
            }
        }
    }
}
