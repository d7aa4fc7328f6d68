using System;

namespace SymGrad;

// TEMPORARY: signatures of the reference tape; replaced by the real implementation.
public sealed partial class Tensor
{
    public int Rows => throw new NotImplementedException();
    public int Columns => throw new NotImplementedException();
    public static Tensor Linear(Tensor x, Tensor weight, Tensor bias) => throw new NotImplementedException();
    public static Tensor Relu(Tensor x) => throw new NotImplementedException();
    public static Tensor LeakyRelu(Tensor x, double slope) => throw new NotImplementedException();
    public static Tensor Elu(Tensor x, double alpha) => throw new NotImplementedException();
    public static Tensor Sigmoid(Tensor x) => throw new NotImplementedException();
    public static Tensor Tanh(Tensor x) => throw new NotImplementedException();
    public static Tensor Gelu(Tensor x) => throw new NotImplementedException();
    public static Tensor Silu(Tensor x) => throw new NotImplementedException();
    public static Tensor Softmax(Tensor x) => throw new NotImplementedException();
    public static Tensor MeanSquaredError(Tensor prediction, Tensor target) => throw new NotImplementedException();
    public static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor target) => throw new NotImplementedException();
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target) => throw new NotImplementedException();
    public static Tensor operator +(Tensor a, Tensor b) => throw new NotImplementedException();
    public static Tensor operator -(Tensor a, Tensor b) => throw new NotImplementedException();
    public static Tensor operator *(Tensor a, Tensor b) => throw new NotImplementedException();
    public static Tensor operator *(double c, Tensor a) => throw new NotImplementedException();
    public static Tensor operator *(Tensor a, double c) => throw new NotImplementedException();
    public static Tensor operator -(Tensor a) => throw new NotImplementedException();
}
