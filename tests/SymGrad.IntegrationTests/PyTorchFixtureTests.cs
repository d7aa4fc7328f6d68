using System;
using System.Linq;
using SymGrad.IntegrationTests.Networks;
using SymGrad.IntegrationTests.Support;

namespace SymGrad.IntegrationTests;

/// <summary>
/// Generated losses and gradients against PyTorch's (tools/make_fixtures.py, float64). Double networks
/// agree to 1e-9 relative (only the summation order differs); float networks to 1e-4 relative on
/// entries above 1e-6.
/// </summary>
public class PyTorchFixtureTests
{
    private const double DoubleTolerance = 1e-9;

    [Fact]
    public void BatchNorm_TrainingMode_MatchesPyTorch()
    {
        var fixture = FixtureCase.Read(Fixtures.Load("batchnorm").GetProperty("train"));
        Fixtures.AssertMatches(new BatchNormDouble(), fixture, DoubleTolerance);
        Fixtures.AssertMatches(new BatchNormFloat(), fixture);
    }

    [Fact]
    public void BatchNorm_RunningStatisticsAfterTenSteps_AndEvaluationMode_MatchPyTorch()
    {
        var root = Fixtures.Load("batchnorm");
        var steps = root.GetProperty("steps");
        var network = new BatchNormDouble();
        FixtureCase.Numbers(steps.GetProperty("startParameters")).CopyTo(network.Parameters);
        var sgd = new Sgd(steps.GetProperty("learningRate").GetDouble());
        foreach (var batch in steps.GetProperty("batches").EnumerateArray())
        {
            network.TrainStep(FixtureCase.Numbers(batch.GetProperty("inputs")), FixtureCase.Numbers(batch.GetProperty("targets")), sgd);
        }
        double[] expectedState = FixtureCase.Numbers(steps.GetProperty("runningMean")).Concat(FixtureCase.Numbers(steps.GetProperty("runningVariance"))).ToArray();
        AssertWithin(expectedState, network.State, 1e-5, "running statistics");

        var evaluation = FixtureCase.Read(root.GetProperty("eval"));
        GradientAssert.Equal(evaluation.Parameters, network.Parameters, network.ParameterViews, 1e-9, "PyTorch", "parameters after ten steps");
        network.IsTraining = false;
        Fixtures.AssertMatches(network, evaluation, DoubleTolerance);

        var single = new BatchNormFloat { IsTraining = false };
        FixtureCase.Single(expectedState).CopyTo(single.State);
        Fixtures.AssertMatches(single, evaluation);
    }

    [Fact]
    public void LayerNorm_MatchesPyTorch()
    {
        var fixture = FixtureCase.Read(Fixtures.Load("layernorm").GetProperty("train"));
        Fixtures.AssertMatches(new LayerNormDouble(), fixture, DoubleTolerance);
        Fixtures.AssertMatches(new LayerNormFloat(), fixture);
    }

    public static TheoryData<string> Recurrent => new()
    {
        "rnn_t1", "rnn_t5", "rnn_t20", "lstm_t1", "lstm_t5", "lstm_t20", "gru_t1", "gru_t5", "gru_t20",
    };

    [Theory]
    [MemberData(nameof(Recurrent))]
    public void Recurrent_MatchesPyTorch(string name)
    {
        var fixture = FixtureCase.Read(Fixtures.Load(name).GetProperty("train"));
        string key = char.ToUpperInvariant(name[0]) + name[1..name.IndexOf('_')] + "T" + name[(name.LastIndexOf('t') + 1)..];
        Fixtures.AssertMatches(RecurrentGradientTests.CreateDouble(key, 0), fixture, DoubleTolerance);
        Fixtures.AssertMatches(CreateFloat(key), fixture);
    }

    private static void AssertWithin(double[] expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: PyTorch {expected[i]:R}, SymGrad {actual[i]:R}");
        }
    }

    private static INetwork<float> CreateFloat(string name) => name switch
    {
        "RnnT1" => new RnnFloatT1(),
        "RnnT5" => new RnnFloatT5(),
        "RnnT20" => new RnnFloatT20(),
        "LstmT1" => new LstmFloatT1(),
        "LstmT5" => new LstmFloatT5(),
        "LstmT20" => new LstmFloatT20(),
        "GruT1" => new GruFloatT1(),
        "GruT5" => new GruFloatT5(),
        "GruT20" => new GruFloatT20(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test network"),
    };
}
