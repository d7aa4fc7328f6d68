using SymGrad;

namespace SymGrad.Benchmarks;

// The LSTMs of LstmNetworks.cs with the loop mode forced, to measure where rolling starts to pay
// (README, "Long loops: rolled over a static tape"): rolled (a static tape, LoopRollThreshold = 0) for
// T = 10 and 100, unrolled (LoopRollThreshold = int.MaxValue) for T = 50 and 100. LstmT20 and LstmT50
// need no rolled twin: above the default threshold (16) they are rolled already.

[Network(InputSize = 10 * 8, MaxBatchSize = 32, LoopRollThreshold = 0)]
public partial class LstmT10Rolled
{
    const int T = 10, F = 8, H = 32;
    readonly Lstm lstm = new(F, H);
    readonly Linear head = new(H, 4);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = lstm.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 100 * 8, MaxBatchSize = 32, LoopRollThreshold = 0)]
public partial class LstmT100Rolled
{
    const int T = 100, F = 8, H = 32;
    readonly Lstm lstm = new(F, H);
    readonly Linear head = new(H, 4);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = lstm.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 50 * 8, MaxBatchSize = 32, LoopRollThreshold = int.MaxValue)]
public partial class LstmT50Unrolled
{
    const int T = 50, F = 8, H = 32;
    readonly Lstm lstm = new(F, H);
    readonly Linear head = new(H, 4);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = lstm.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 100 * 8, MaxBatchSize = 32, LoopRollThreshold = int.MaxValue)]
public partial class LstmT100Unrolled
{
    const int T = 100, F = 8, H = 32;
    readonly Lstm lstm = new(F, H);
    readonly Linear head = new(H, 4);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = lstm.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
