using SymGrad;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>The network: a Swish activation via Map and a Huber per-element loss, in float.</summary>
[Network(MaxBatchSize = 16)]
public partial class SwishHuberNet
{
    readonly Linear fc1 = new(3, 8, Init.HeNormal);
    readonly Linear fc2 = new(8, 2, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Map(fc1.Forward(x), MyMath.Swish);
        return fc2.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => ElementwiseMean(prediction, target, MyMath.Huber);
}

/// <summary>The same network in double, with double functions, for tight comparisons with the reference path.</summary>
[Network(MaxBatchSize = 16, Precision = Precision.Double)]
public partial class SwishHuberNetDouble
{
    readonly Linear fc1 = new(3, 8, Init.HeNormal);
    readonly Linear fc2 = new(8, 2, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Map(fc1.Forward(x), Battery.Swish);
        var g = Map(fc2.Forward(h), Battery.Softplus);
        return g;
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => ElementwiseMean(prediction, target, Battery.Huber);
}
