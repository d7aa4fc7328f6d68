using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// A gated unit: sigmoid gate times tanh candidate (element-wise *), then a difference of two heads with a scalar factor and a unary minus; mean squared error.
// Zoo convention: ZooGatedElementwiseF and ZooGatedElementwiseD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 7, Precision = Precision.Float)]
public partial class ZooGatedElementwiseF
{
    readonly Linear gate = new(7, 16, Init.XavierUniform);
    readonly Linear candidate = new(7, 16, Init.XavierUniform);
    readonly Linear left = new(16, 3, Init.XavierUniform);
    readonly Linear right = new(16, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var g = Sigmoid(gate.Forward(x)) * Tanh(candidate.Forward(x));
        var d = left.Forward(g) - 0.5f * right.Forward(g);
        return -d;
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 7, Precision = Precision.Double)]
public partial class ZooGatedElementwiseD
{
    readonly Linear gate = new(7, 16, Init.XavierUniform);
    readonly Linear candidate = new(7, 16, Init.XavierUniform);
    readonly Linear left = new(16, 3, Init.XavierUniform);
    readonly Linear right = new(16, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var g = Sigmoid(gate.Forward(x)) * Tanh(candidate.Forward(x));
        var d = left.Forward(g) - 0.5f * right.Forward(g);
        return -d;
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
