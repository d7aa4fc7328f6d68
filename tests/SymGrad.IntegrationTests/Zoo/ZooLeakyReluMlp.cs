using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 17-33-7-3 with two leaky ReLUs of different slopes, mean squared error.
// Zoo convention: ZooLeakyReluMlpF and ZooLeakyReluMlpD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 5, Precision = Precision.Float)]
public partial class ZooLeakyReluMlpF
{
    readonly Linear fc1 = new(17, 33, Init.HeUniform);
    readonly Linear fc2 = new(33, 7, Init.HeUniform);
    readonly Linear fc3 = new(7, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = LeakyRelu(fc1.Forward(x), 0.1f);
        var h2 = LeakyRelu(fc2.Forward(h1), 0.01f);
        return fc3.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 5, Precision = Precision.Double)]
public partial class ZooLeakyReluMlpD
{
    readonly Linear fc1 = new(17, 33, Init.HeUniform);
    readonly Linear fc2 = new(33, 7, Init.HeUniform);
    readonly Linear fc3 = new(7, 3, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = LeakyRelu(fc1.Forward(x), 0.1f);
        var h2 = LeakyRelu(fc2.Forward(h1), 0.01f);
        return fc3.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
