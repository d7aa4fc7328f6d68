using SymGrad;

namespace GradientLab.Networks;

/// <summary>
/// A 2-16-16-1 sigmoid MLP with mean squared error. UnrollThreshold = 256 unrolls every layer (the 16 x 16 one
/// included) to scalar statements, so that its generated code shows each multiply of the chain rule; the default
/// (64 weights) would run the 16 x 16 layer through the vector kernels, faster but less explicit.
/// </summary>
[Network(MaxBatchSize = 32, UnrollThreshold = 256)]
public partial class TinySigmoidMlp
{
    readonly Linear hidden1 = new(2, 16, Init.XavierUniform);
    readonly Linear hidden2 = new(16, 16, Init.XavierUniform);
    readonly Linear output = new(16, 1, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var a1 = Sigmoid(hidden1.Forward(x));
        var a2 = Sigmoid(hidden2.Forward(a1));
        return output.Forward(a2);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
