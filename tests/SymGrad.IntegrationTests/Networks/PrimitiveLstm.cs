using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

/// <summary>The LSTM of <see cref="LstmDoubleT5"/> written out of primitives: one dense map per gate and source.</summary>
[Network(Precision = Precision.Double, InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class PrimitiveLstmDoubleT5
{
    const int T = 5, F = 3, H = 4;
    readonly Linear wi = new(F, H), wf = new(F, H), wg = new(F, H), wo = new(F, H);
    readonly Linear ui = new(H, H), uf = new(H, H), ug = new(H, H), uo = new(H, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            var xt = x.Step(t, F);
            var i = Sigmoid(wi.Forward(xt) + ui.Forward(h));
            var f = Sigmoid(wf.Forward(xt) + uf.Forward(h));
            var g = Tanh(wg.Forward(xt) + ug.Forward(h));
            var o = Sigmoid(wo.Forward(xt) + uo.Forward(h));
            c = f * c + i * g;
            h = o * Tanh(c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
