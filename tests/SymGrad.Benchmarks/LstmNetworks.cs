using SymGrad;

namespace SymGrad.Benchmarks;

// LSTMs over T = 10, 20 and 50 steps of 8 features, 32 hidden units, a dense head to 4 outputs, MSE,
// batch 32: the recurrent entry of the performance contract (DESIGN.md section 8) and the measure of how
// generated code size and speed grow with T.

[Network(InputSize = 10 * 8, MaxBatchSize = 32)]
public partial class LstmT10
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

[Network(InputSize = 20 * 8, MaxBatchSize = 32)]
public partial class LstmT20
{
    const int T = 20, F = 8, H = 32;
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

[Network(InputSize = 50 * 8, MaxBatchSize = 32)]
public partial class LstmT50
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
