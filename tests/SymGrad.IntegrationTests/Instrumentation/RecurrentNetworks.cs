using SymGrad;

namespace SymGrad.IntegrationTests.Instrumentation;

// Instrumented recurrent networks over T = 6 steps of F = 3 features: the time-step statistics
// (dL/dh_t) are checked against the tape. Fields internal so that tests can step the cells on the tape.

/// <summary>A tanh RNN stepped 6 times, then a dense head.</summary>
[Network(InputSize = 6 * 3, MaxBatchSize = 8, Instrumentation = true)]
public partial class InstrumentedRnn
{
    internal const int T = 6, F = 3, H = 5;
    internal readonly Rnn cell = new(F, H);
    internal readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>A GRU stepped 6 times, then a dense head.</summary>
[Network(InputSize = 6 * 3, MaxBatchSize = 8, Instrumentation = true)]
public partial class InstrumentedGru
{
    internal const int T = 6, F = 3, H = 5;
    internal readonly Gru cell = new(F, H);
    internal readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>Two stacked LSTMs stepped 6 times (the upper one reads the lower one's state), then a dense head.</summary>
[Network(InputSize = 6 * 3, MaxBatchSize = 8, Instrumentation = true)]
public partial class InstrumentedStackedLstm
{
    internal const int T = 6, F = 3, H = 5, H2 = 4;
    internal readonly Lstm lower = new(F, H);
    internal readonly Lstm upper = new(H, H2);
    internal readonly Linear head = new(H2, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        var h2 = Zeros(H2);
        var c2 = Zeros(H2);
        for (int t = 0; t < T; t++)
        {
            (h, c) = lower.Step(x.Step(t, F), h, c);
            (h2, c2) = upper.Step(h, h2, c2);
        }
        return head.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>The RNN of <see cref="InstrumentedRnn"/> with its loop kept rolled (no per-step instrumentation).</summary>
[Network(InputSize = 6 * 3, MaxBatchSize = 8, Instrumentation = true, LoopRollThreshold = 0)]
public partial class InstrumentedRolledRnn
{
    internal const int T = 6, F = 3, H = 5;
    internal readonly Rnn cell = new(F, H);
    internal readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
