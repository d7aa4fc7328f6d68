using System;
using System.Linq;
using SymGrad.IntegrationTests.Networks;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests;

/// <summary>RNN, LSTM and GRU unrolled over T = 1, 5, 20: generated gradients against the reference path and finite differences.</summary>
public class RecurrentGradientTests
{
    private const int Batch = 5;

    internal static INetwork<double> CreateDouble(string name, int seed) => name switch
    {
        "RnnT1" => new RnnDoubleT1(seed),
        "RnnT5" => new RnnDoubleT5(seed),
        "RnnT20" => new RnnDoubleT20(seed),
        "LstmT1" => new LstmDoubleT1(seed),
        "LstmT5" => new LstmDoubleT5(seed),
        "LstmT20" => new LstmDoubleT20(seed),
        "GruT1" => new GruDoubleT1(seed),
        "GruT5" => new GruDoubleT5(seed),
        "GruT20" => new GruDoubleT20(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test network"),
    };

    public static TheoryData<string> Networks => new()
    {
        "RnnT1", "RnnT5", "RnnT20", "LstmT1", "LstmT5", "LstmT20", "GruT1", "GruT5", "GruT20",
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Gradients_MatchReferenceAndFiniteDifferences(string name)
    {
        var network = CreateDouble(name, seed: 11);
        double[] inputs = Gradients.Values(Batch * network.InputSize, 101, 1.5);
        double[] targets = Gradients.Values(Batch * network.OutputSize, 102);
        Gradients.CheckAll(network, inputs, targets);
    }

    [Fact]
    public void PrimitiveLstm_GivesTheCellsLossAndGradients()
    {
        INetwork<double> cell = new LstmDoubleT5(seed: 12);
        INetwork<double> primitive = new PrimitiveLstmDoubleT5(seed: 0);
        // The cell's blocks (rows i, f, g, o of W_ih, b_ih, W_hh, b_hh) copied into the per-gate layers.
        string[] gates = { "i", "f", "g", "o" };
        const int H = 4;
        for (int k = 0; k < 4; k++)
        {
            Copy(cell, "cell.InputHidden.Weight", k * H * 3, primitive, "w" + gates[k] + ".Weight");
            Copy(cell, "cell.InputHidden.Bias", k * H, primitive, "w" + gates[k] + ".Bias");
            Copy(cell, "cell.HiddenHidden.Weight", k * H * H, primitive, "u" + gates[k] + ".Weight");
            Copy(cell, "cell.HiddenHidden.Bias", k * H, primitive, "u" + gates[k] + ".Bias");
        }
        Copy(cell, "head.Weight", 0, primitive, "head.Weight");
        Copy(cell, "head.Bias", 0, primitive, "head.Bias");
        Assert.Equal(cell.ParameterCount, primitive.ParameterCount);
        double[] inputs = Gradients.Values(Batch * cell.InputSize, 103, 1.5);
        double[] targets = Gradients.Values(Batch * cell.OutputSize, 104);

        double cellLoss = cell.ComputeGradients(inputs, targets);
        double primitiveLoss = primitive.ComputeGradients(inputs, targets);

        Assert.Equal(cellLoss, primitiveLoss, 12);
        var mapped = new double[cell.ParameterCount];
        for (int k = 0; k < 4; k++)
        {
            CopyGradient(primitive, "w" + gates[k] + ".Weight", cell, "cell.InputHidden.Weight", k * H * 3, mapped);
            CopyGradient(primitive, "w" + gates[k] + ".Bias", cell, "cell.InputHidden.Bias", k * H, mapped);
            CopyGradient(primitive, "u" + gates[k] + ".Weight", cell, "cell.HiddenHidden.Weight", k * H * H, mapped);
            CopyGradient(primitive, "u" + gates[k] + ".Bias", cell, "cell.HiddenHidden.Bias", k * H, mapped);
        }
        CopyGradient(primitive, "head.Weight", cell, "head.Weight", 0, mapped);
        CopyGradient(primitive, "head.Bias", cell, "head.Bias", 0, mapped);
        int compared = GradientAssert.Equal(cell.Gradients, mapped, cell.ParameterViews, 1e-10, "Lstm cell", "primitive LSTM");
        Assert.True(compared > cell.ParameterCount / 2);
    }

    [Fact]
    public void LstmT20_TrainStep_AllocatesNothingAfterWarmUp()
    {
        var network = new LstmFloatT20(seed: 13);
        float[] inputs = Gradients.Values(8 * LstmFloatT20.InputSize, 105).Select(v => (float)v).ToArray();
        float[] targets = Gradients.Values(8 * LstmFloatT20.OutputSize, 106).Select(v => (float)v).ToArray();
        var adam = new Adam(1e-3);
        network.TrainStep(inputs, targets, adam);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            network.TrainStep(inputs, targets, adam);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void CellViews_FollowPyTorchsParameterOrder()
    {
        var network = new LstmDoubleT1();
        Assert.Equal(
            new[] { "cell.InputHidden.Weight", "cell.InputHidden.Bias", "cell.HiddenHidden.Weight", "cell.HiddenHidden.Bias", "head.Weight", "head.Bias" },
            network.ParameterViews.Select(v => v.Name));
        var weight = network.ParameterViews[0];
        Assert.Equal((16, 3), (weight.Rows, weight.Columns)); // 4H x F, gates i, f, g, o
        Assert.All(network.Parameters.Slice(0, 16 * 3 + 16 + 16 * 4 + 16).ToArray(), v => Assert.InRange(v, -0.5, 0.5)); // U(+-1/sqrt(4))
    }

    private static void Copy(INetwork<double> from, string fromView, int fromStart, INetwork<double> to, string toView)
    {
        var target = to.ParameterViews.Single(v => v.Name == toView);
        var source = from.ParameterViews.Single(v => v.Name == fromView);
        from.Parameters.Slice(source.Offset + fromStart, target.Length).CopyTo(to.Parameters.Slice(target.Offset, target.Length));
    }

    private static void CopyGradient(INetwork<double> from, string fromView, INetwork<double> to, string toView, int toStart, double[] into)
    {
        var source = from.ParameterViews.Single(v => v.Name == fromView);
        var target = to.ParameterViews.Single(v => v.Name == toView);
        from.Gradients.Slice(source.Offset, source.Length).CopyTo(into.AsSpan(target.Offset + toStart, source.Length));
    }
}
