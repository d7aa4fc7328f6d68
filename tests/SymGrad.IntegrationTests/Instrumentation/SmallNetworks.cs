using SymGrad;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>One layer of each activation the statistics know, small enough to check by hand; fields internal so tests can run them on the tape.</summary>
[Network(MaxBatchSize = 8, Instrumentation = true)]
public partial class MixedActivations
{
    internal readonly Linear fc1 = new(6, 5, Init.HeNormal);
    internal readonly Linear fc2 = new(5, 4, Init.XavierUniform);
    internal readonly Linear fc3 = new(4, 3, Init.XavierUniform);
    internal readonly Linear fc4 = new(3, 2, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = Relu(fc1.Forward(x));
        var h2 = Sigmoid(fc2.Forward(h1));
        var h3 = Tanh(fc3.Forward(h2));
        return fc4.Forward(h3);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

/// <summary>The design's MNIST classifier with instrumentation on (allocation test, overhead benchmark).</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class InstrumentedMnistMlp
{
    readonly Linear fc1 = new(784, 128, Init.HeNormal);
    readonly Linear fc2 = new(128, 64, Init.HeNormal);
    readonly Linear fc3 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h1 = Relu(fc1.Forward(x));
        var h2 = Relu(fc2.Forward(h1));
        return fc3.Forward(h2);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
