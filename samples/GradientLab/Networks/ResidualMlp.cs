using SymGrad;

namespace GradientLab.Networks;

/// <summary>
/// A residual MLP in double precision: a 784 -> 64 stem, then one weight-shared block applied three
/// times in a constant-bound loop, <c>h = h + Relu(block(h))</c> (the skip connection passes the
/// gradient through unchanged), and a 64 -> 10 head.
/// </summary>
[Network(MaxBatchSize = 64, Precision = Precision.Double)]
public partial class ResidualMlp
{
    readonly Linear stem = new(784, 64, Init.HeNormal);
    readonly Linear block = new(64, 64, Init.HeNormal);
    readonly Linear head = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(stem.Forward(x));
        for (int i = 0; i < 3; i++)
        {
            h = h + Relu(block.Forward(h));
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
