using SymGrad;

namespace SymGrad.IntegrationTests.Instrumentation;

// The acceptance networks: 784 -> 64 x 9 -> 10, ten dense layers, on MNIST. The output layer is
// Xavier (no activation follows it) in every variant, so that only the hidden layers differ.

// The sigmoid chain is the point of this network: SG0101 would fire on its [Forward].
#pragma warning disable SG0101
/// <summary>Ten layers, sigmoid, Xavier: the textbook vanishing gradient.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class DeepSigmoidXavier
{
    internal readonly Linear fc1 = new(784, 64, Init.XavierUniform);
    internal readonly Linear fc2 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc3 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc4 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc5 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc6 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc7 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc8 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc9 = new(64, 64, Init.XavierUniform);
    internal readonly Linear fc10 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Sigmoid(fc1.Forward(x));
        h = Sigmoid(fc2.Forward(h));
        h = Sigmoid(fc3.Forward(h));
        h = Sigmoid(fc4.Forward(h));
        h = Sigmoid(fc5.Forward(h));
        h = Sigmoid(fc6.Forward(h));
        h = Sigmoid(fc7.Forward(h));
        h = Sigmoid(fc8.Forward(h));
        h = Sigmoid(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
#pragma warning restore SG0101

/// <summary>Ten layers, ReLU, He: the textbook remedy.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class DeepReluHe
{
    internal readonly Linear fc1 = new(784, 64, Init.HeNormal);
    internal readonly Linear fc2 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc3 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc4 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc5 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc6 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc7 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc8 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc9 = new(64, 64, Init.HeNormal);
    internal readonly Linear fc10 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = Relu(fc2.Forward(h));
        h = Relu(fc3.Forward(h));
        h = Relu(fc4.Forward(h));
        h = Relu(fc5.Forward(h));
        h = Relu(fc6.Forward(h));
        h = Relu(fc7.Forward(h));
        h = Relu(fc8.Forward(h));
        h = Relu(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>Ten layers, ReLU, He, every hidden bias -10: the units start dead.</summary>
[Network(MaxBatchSize = 64, Instrumentation = true)]
public partial class DeepReluNegativeBias
{
    internal readonly Linear fc1 = new(784, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc2 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc3 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc4 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc5 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc6 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc7 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc8 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc9 = new(64, 64, Init.HeNormal, bias: -10f);
    internal readonly Linear fc10 = new(64, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = Relu(fc2.Forward(h));
        h = Relu(fc3.Forward(h));
        h = Relu(fc4.Forward(h));
        h = Relu(fc5.Forward(h));
        h = Relu(fc6.Forward(h));
        h = Relu(fc7.Forward(h));
        h = Relu(fc8.Forward(h));
        h = Relu(fc9.Forward(h));
        return fc10.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

