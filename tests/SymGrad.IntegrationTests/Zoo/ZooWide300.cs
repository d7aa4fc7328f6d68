using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 300-129-300 ReLU autoencoder shape (the widest layers), mean squared error.
// Zoo convention: ZooWide300F and ZooWide300D are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 3, Precision = Precision.Float)]
public partial class ZooWide300F
{
    readonly Linear encoder = new(300, 129, Init.HeNormal);
    readonly Linear decoder = new(129, 300, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var code = Relu(encoder.Forward(x));
        return decoder.Forward(code);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(MaxBatchSize = 3, Precision = Precision.Double)]
public partial class ZooWide300D
{
    readonly Linear encoder = new(300, 129, Init.HeNormal);
    readonly Linear decoder = new(129, 300, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var code = Relu(encoder.Forward(x));
        return decoder.Forward(code);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
