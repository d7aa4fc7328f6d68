using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 7-17-7 tanh MLP ending in an explicit Softmax op, mean squared error against distributions (the unfused softmax backward).
// Zoo convention: ZooSoftmaxHeadF and ZooSoftmaxHeadD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 5, Precision = Precision.Float)]
public partial class ZooSoftmaxHeadF
{
    readonly Linear fc1 = new(7, 17, Init.XavierUniform);
    readonly Linear fc2 = new(17, 7, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        return Softmax(fc2.Forward(h));
    }

    [Loss]
    Tensor Loss(Tensor probabilities, Tensor target) => MeanSquaredError(probabilities, target);
}

[Network(MaxBatchSize = 5, Precision = Precision.Double)]
public partial class ZooSoftmaxHeadD
{
    readonly Linear fc1 = new(7, 17, Init.XavierUniform);
    readonly Linear fc2 = new(17, 7, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Tanh(fc1.Forward(x));
        return Softmax(fc2.Forward(h));
    }

    [Loss]
    Tensor Loss(Tensor probabilities, Tensor target) => MeanSquaredError(probabilities, target);
}
