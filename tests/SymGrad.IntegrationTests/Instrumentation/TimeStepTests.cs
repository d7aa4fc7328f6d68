using System;
using System.Collections.Generic;
using System.Linq;
using SymGrad.Instrumentation;
using SymGrad.Reference;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>
/// ||dL/dh_t|| per time step, as the generated backward pass records it, against the same norm of the
/// gradient the reference tape accumulates on each h_t (the cells' own Step on Tensor, in double),
/// within 1e-4 relative, for RNN, GRU and stacked LSTMs.
/// </summary>
public sealed class TimeStepTests
{
    private const double Tolerance = 1e-4;
    private const int Batch = 7, T = 6, F = 3;

    private static (float[] Inputs, float[] Targets) Data(int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, Batch * T * F).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var targets = Enumerable.Range(0, Batch * 2).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return (inputs, targets);
    }

    private static double Norm(double[] values) => Math.Sqrt(values.Sum(v => v * v));

    /// <summary>Runs <paramref name="steps"/> on the tape (it returns the head's output and each cell's h_t) and compares the norms.</summary>
    private static void AssertMatchesTape(ReadOnlySpan<float> parameters, float[] inputs, float[] targets, TimeStepStatistics recorded,
        Func<Tensor, (Tensor Output, Dictionary<string, List<Tensor>> States)> steps)
    {
        using var session = ReferenceSession.Begin(parameters.ToArray().Select(p => (double)p).ToArray());
        var x = session.Input(inputs, Batch, T * F);
        var (output, states) = steps(x);
        Tensor.MeanSquaredError(output, session.Input(targets, Batch, 2)).Backward();

        Assert.Equal(states.Keys.OrderBy(k => k, StringComparer.Ordinal), recorded.CellNames.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (cell, hs) in states)
        {
            int index = recorded.IndexOf(cell);
            Assert.Equal(T, recorded.StepCount(index));
            var norms = recorded.HiddenGradientNorms(index);
            for (int t = 0; t < T; t++)
            {
                double expected = Norm(hs[t].Gradient!);
                Assert.True(expected > 0, $"{cell} step {t}: the check needs a nonzero gradient");
                Assert.True(Math.Abs(norms[t] - expected) <= Tolerance * expected, $"{cell} step {t}: expected {expected:R}, got {norms[t]:R}");
            }
        }
    }

    /// <summary>The tape's steps of a single-state cell (RNN, GRU): h_t = step(x_t, h_{t-1}) from zeros, then the head.</summary>
    private static Func<Tensor, (Tensor, Dictionary<string, List<Tensor>>)> SingleCell(Func<Tensor, Tensor, Tensor> step, int hidden, Func<Tensor, Tensor> head) => x =>
    {
        var hs = new List<Tensor>();
        var h = Tensor.Zeros(Batch, hidden);
        for (int t = 0; t < T; t++)
        {
            h = step(x.Step(t, F), h);
            hs.Add(h);
        }
        return (head(h), new Dictionary<string, List<Tensor>> { ["cell"] = hs });
    };

    [Fact]
    public void Rnn_hidden_gradient_norms_match_the_tape()
    {
        var net = new InstrumentedRnn(11);
        var (inputs, targets) = Data(1);
        net.ComputeGradients(inputs, targets);
        AssertMatchesTape(net.Parameters, inputs, targets, net.Statistics.TimeSteps!, SingleCell(net.cell.Step, InstrumentedRnn.H, net.head.Forward));
    }

    [Fact]
    public void Gru_hidden_gradient_norms_match_the_tape()
    {
        var net = new InstrumentedGru(12);
        var (inputs, targets) = Data(2);
        net.ComputeGradients(inputs, targets);
        AssertMatchesTape(net.Parameters, inputs, targets, net.Statistics.TimeSteps!, SingleCell(net.cell.Step, InstrumentedGru.H, net.head.Forward));
    }

    [Fact]
    public void Stacked_lstm_hidden_gradient_norms_match_the_tape_for_both_cells()
    {
        var net = new InstrumentedStackedLstm(13);
        var (inputs, targets) = Data(3);
        net.ComputeGradients(inputs, targets);
        AssertMatchesTape(net.Parameters, inputs, targets, net.Statistics.TimeSteps!, x =>
        {
            var lower = new List<Tensor>();
            var upper = new List<Tensor>();
            Tensor h = Tensor.Zeros(Batch, InstrumentedStackedLstm.H), c = Tensor.Zeros(Batch, InstrumentedStackedLstm.H);
            Tensor h2 = Tensor.Zeros(Batch, InstrumentedStackedLstm.H2), c2 = Tensor.Zeros(Batch, InstrumentedStackedLstm.H2);
            for (int t = 0; t < T; t++)
            {
                (h, c) = net.lower.Step(x.Step(t, F), h, c);
                (h2, c2) = net.upper.Step(h, h2, c2);
                lower.Add(h);
                upper.Add(h2);
            }
            return (net.head.Forward(h2), new Dictionary<string, List<Tensor>> { ["lower"] = lower, ["upper"] = upper });
        });
    }

    [Fact]
    public void A_network_without_recurrent_cells_has_no_time_steps()
    {
        Assert.Null(new MixedActivations(1).Statistics.TimeSteps);
    }

    [Fact]
    public void A_rolled_loop_records_no_time_steps_rather_than_wrong_ones()
    {
        var net = new InstrumentedRolledRnn(11);
        var (inputs, targets) = Data(1);
        net.ComputeGradients(inputs, targets);
        Assert.Null(net.Statistics.TimeSteps);
        int head = net.Statistics.LayerNames.ToList().IndexOf("head");
        Assert.True(net.Statistics[head].OutputGradientNorm > 0, "the per-layer statistics still run");
    }

    [Fact]
    public void Time_step_statistics_validate_their_arguments()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TimeStepStatistics(new[] { "a" }, new[] { 0 }));
        Assert.Equal("stepCounts", ex.ParamName);
        var steps = new TimeStepStatistics(new[] { "a" }, new[] { 3 });
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => steps.RecordHiddenGradient<float>(0, 3, new float[2])).ParamName);
        Assert.Equal("cell", Assert.Throws<ArgumentOutOfRangeException>(() => steps.StepCount(1)).ParamName);
        steps.RecordHiddenGradient<float>(0, 1, new[] { 3f, 4f });
        Assert.Equal(5.0, steps.HiddenGradientNorms(0)[1]);
        steps.Clear();
        Assert.Equal(0.0, steps.HiddenGradientNorms(0)[1]);
    }
}
