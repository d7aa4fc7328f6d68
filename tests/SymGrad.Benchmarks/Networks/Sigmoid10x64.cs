using SymGrad;

// The benchmark times a deep sigmoid chain on purpose: the vanishing-gradient lint is right, and beside the point here.
#pragma warning disable SG0101

namespace SymGrad.Benchmarks.Networks;

/// <summary>Ten sigmoid layers 64 wide, then 64 -> 10 logits (B = 32): depth with small layers.</summary>
[Network(MaxBatchSize = 32)]
public partial class Sigmoid10x64
{
    readonly Linear fc0 = new(64, 64, Init.XavierUniform);
    readonly Linear fc1 = new(64, 64, Init.XavierUniform);
    readonly Linear fc2 = new(64, 64, Init.XavierUniform);
    readonly Linear fc3 = new(64, 64, Init.XavierUniform);
    readonly Linear fc4 = new(64, 64, Init.XavierUniform);
    readonly Linear fc5 = new(64, 64, Init.XavierUniform);
    readonly Linear fc6 = new(64, 64, Init.XavierUniform);
    readonly Linear fc7 = new(64, 64, Init.XavierUniform);
    readonly Linear fc8 = new(64, 64, Init.XavierUniform);
    readonly Linear fc9 = new(64, 64, Init.XavierUniform);
    readonly Linear head = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(fc0.Forward(x));
        h = Sigmoid(fc1.Forward(h));
        h = Sigmoid(fc2.Forward(h));
        h = Sigmoid(fc3.Forward(h));
        h = Sigmoid(fc4.Forward(h));
        h = Sigmoid(fc5.Forward(h));
        h = Sigmoid(fc6.Forward(h));
        h = Sigmoid(fc7.Forward(h));
        h = Sigmoid(fc8.Forward(h));
        h = Sigmoid(fc9.Forward(h));
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
