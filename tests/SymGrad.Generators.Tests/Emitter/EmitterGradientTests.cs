extern alias SymGradRuntime;

using System;
using System.Linq;
using SymGradRuntime::SymGrad;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>The emitted code computes the right numbers: gradients against finite differences, outputs against the loss.</summary>
public class EmitterGradientTests
{
    private const int Batch = 5; // below MaxBatchSize (8): the workspaces are used partly

    public static TheoryData<string> DoubleNetworks => new() { "SigmoidDouble", "Residual", "Kernel", "EveryOpChecked" };

    private static TestNetwork ByName(string name) => name == "EveryOpChecked"
        // Gelu calls the runtime's ScalarMath.Erf; on a branch where it is still a stub, check the rest.
        ? TestNetworks.EveryOp(includeGelu: ErfIsAvailable())
        : EmitterCompileTests.ByName(name);

    private static bool ErfIsAvailable()
    {
        try
        {
            return ScalarMath.Erf(0.5) > 0.52; // erf(0.5) = 0.5205
        }
        catch (NotImplementedException)
        {
            return false;
        }
    }

    private static double[] Targets(INetwork<double> network, string name) => name == "Kernel"
        ? GradientChecker.OneHot(Batch, network.OutputSize)
        : GradientChecker.Values(Batch * network.OutputSize, 7);

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void Gradients_MatchFiniteDifferences(string name)
    {
        var network = ByName(name).CreateDouble(seed: 3);
        double[] inputs = GradientChecker.Values(Batch * network.InputSize, 11);

        var result = GradientChecker.Check(network, inputs, Targets(network, name));

        Assert.True(result.Passed, $"{result.Mismatches} mismatches; first: {result.FirstMismatch}");
        // Not vacuous: most entries are large enough to be compared relatively.
        Assert.True(result.Compared > network.ParameterCount / 2, $"only {result.Compared} of {network.ParameterCount} entries compared");
    }

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void Predict_GivesTheOutputsThatTheLossSees(string name)
    {
        var network = ByName(name).CreateDouble(seed: 5);
        double[] inputs = GradientChecker.Values(Batch * network.InputSize, 13);
        var outputs = new double[Batch * network.OutputSize];

        network.Predict(inputs, outputs);

        double[] targets = Targets(network, name);
        double expected = name == "Kernel" ? CrossEntropy(outputs, targets, network.OutputSize) : outputs.Zip(targets, (p, t) => (p - t) * (p - t)).Average();
        Assert.Equal(expected, network.ComputeLoss(inputs, targets), 12);
    }

    [Fact]
    public void FloatNetwork_StartsFromTheDoubleNetworksValues_AndAgreesOnGradients()
    {
        var single = TestNetworks.SigmoidMlp(isDouble: false, "SigmoidPair").CreateFloat(seed: 9);
        var dual = TestNetworks.SigmoidMlp(isDouble: true, "SigmoidPair").CreateDouble(seed: 9);
        double[] inputs = GradientChecker.Values(Batch * 2, 17);
        double[] targets = GradientChecker.Values(Batch, 19);

        for (int i = 0; i < dual.ParameterCount; i++)
        {
            Assert.Equal((float)dual.Parameters[i], single.Parameters[i]);
        }
        double loss = dual.ComputeGradients(inputs, targets);
        float lossSingle = single.ComputeGradients(inputs.Select(v => (float)v).ToArray(), targets.Select(v => (float)v).ToArray());

        Assert.Equal(loss, lossSingle, 1e-5 * Math.Max(1, loss));
        double largest = dual.Gradients.ToArray().Max(Math.Abs);
        for (int i = 0; i < dual.ParameterCount; i++)
        {
            Assert.True(Math.Abs(dual.Gradients[i] - single.Gradients[i]) <= 1e-4 * largest, $"gradient {i}: {dual.Gradients[i]} vs {single.Gradients[i]}");
        }
    }

    [Fact]
    public void SameSeed_SameParameters_OtherSeed_OtherParameters()
    {
        var type = TestNetworks.ResidualRelu().Compile(suffix: "Seeds");
        var a = (INetwork<double>)Activator.CreateInstance(type, 42)!;
        var b = (INetwork<double>)Activator.CreateInstance(type, 42)!;
        var c = (INetwork<double>)Activator.CreateInstance(type, 43)!;

        Assert.True(a.Parameters.SequenceEqual(b.Parameters));
        Assert.False(a.Parameters.SequenceEqual(c.Parameters));
    }

    [Fact]
    public void TrainStep_ComputesGradientsThenLetsTheOptimizerUpdate()
    {
        var network = TestNetworks.KernelPath().CreateDouble(seed: 1);
        double[] inputs = GradientChecker.Values(Batch * 30, 23);
        double[] targets = GradientChecker.OneHot(Batch, 10);
        double[] before = network.Parameters.ToArray();
        double expectedLoss = network.ComputeGradients(inputs, targets);
        double[] gradients = network.Gradients.ToArray();

        double loss = network.TrainStep(inputs, targets, new PlainGradientDescent(0.5));

        Assert.Equal(expectedLoss, loss);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i] - 0.5 * gradients[i], network.Parameters[i], 15);
        }
        Assert.True(network.ComputeLoss(inputs, targets) < loss, "a small step along the gradient lowers the loss");
    }

    [Fact]
    public void PublicMethods_RejectWrongLengths_NamingTheArgument()
    {
        var network = TestNetworks.SigmoidMlp(isDouble: true, "SigmoidValidation").CreateDouble();

        var badInputs = Assert.Throws<ArgumentException>(() => network.ComputeLoss(new double[3], new double[1]));
        Assert.Equal("inputs", badInputs.ParamName);
        Assert.Contains("3", badInputs.Message);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.Predict(new double[2 * 9], new double[9])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.Predict(Array.Empty<double>(), Array.Empty<double>())).ParamName);
        var badTargets = Assert.Throws<ArgumentException>(() => network.ComputeGradients(new double[4], new double[3]));
        Assert.Equal("targets", badTargets.ParamName);
        Assert.Contains("Expected 2 values", badTargets.Message);
        Assert.Equal("outputs", Assert.Throws<ArgumentException>(() => network.Predict(new double[4], new double[1])).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => network.TrainStep(new double[4], new double[2], null!)).ParamName);
    }

    [Fact]
    public void HotPaths_AllocateNothing()
    {
        var network = TestNetworks.EveryOp(includeGelu: false, isDouble: false).CreateFloat();
        var inputs = new float[Batch * 4];
        var targets = new float[Batch * 3];
        var outputs = new float[Batch * 3];
        var optimizer = new PlainGradientDescent(0.01);
        void RunAll()
        {
            network.Predict(inputs, outputs);
            network.ComputeLoss(inputs, targets);
            network.ComputeGradients(inputs, targets);
            network.TrainStep(inputs, targets, optimizer);
        }
        RunAll(); // JIT and first-call work

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            RunAll();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static double CrossEntropy(double[] logits, double[] targets, int classes)
    {
        double total = 0;
        int batch = logits.Length / classes;
        for (int b = 0; b < batch; b++)
        {
            var row = logits.Skip(b * classes).Take(classes).ToArray();
            double logSumExp = Math.Log(row.Sum(Math.Exp));
            for (int j = 0; j < classes; j++)
            {
                total += targets[b * classes + j] * (logSumExp - row[j]);
            }
        }
        return total / batch;
    }

    /// <summary>p -= rate * g: the simplest optimizer, so the test can predict the update.</summary>
    private sealed class PlainGradientDescent(double rate) : Optimizer(rate)
    {
        public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= (float)(LearningRate * gradients[i]);
            }
        }

        public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= LearningRate * gradients[i];
            }
        }
    }
}
