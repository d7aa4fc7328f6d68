using SymGrad;

namespace GradientLab.Networks;

/// <summary>
/// A 2-16-16-1 sigmoid MLP with mean squared error: small enough that every layer is unrolled to
/// scalar statements, so its generated code shows each multiply of the chain rule.
/// </summary>
[Network(MaxBatchSize = 32)]
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
