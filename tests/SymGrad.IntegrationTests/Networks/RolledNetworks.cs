using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

// Long recurrent loops kept rolled (a static tape): an LSTM over T = 1000 steps of F = 3 features
// with H = 8, and one T = 50 definition emitted both ways (LoopRollThreshold forces the mode).

[Network(Precision = Precision.Double, InputSize = 1000 * 3, MaxBatchSize = 2)]
public partial class LstmDoubleT1000
{
    const int T = 1000, F = 3, H = 8;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 50 * 3, MaxBatchSize = 4, LoopRollThreshold = 0)]
public partial class LstmDoubleT50Rolled
{
    const int T = 50, F = 3, H = 8;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 50 * 3, MaxBatchSize = 4, LoopRollThreshold = int.MaxValue)]
public partial class LstmDoubleT50Unrolled
{
    const int T = 50, F = 3, H = 8;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
