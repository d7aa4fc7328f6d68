using SymGrad;

namespace SymGrad.IntegrationTests.Zoo;

// 17-33 then two ReLU residual blocks (33x33) and a 33-10 head, softmax cross-entropy on one-hot rows.
// Zoo convention: ZooResidualReluF and ZooResidualReluD are one definition written twice; they differ only in the
// suffix of the class name and in the Precision argument (ZooConventionTests enforces it).

[Network(MaxBatchSize = 3, Precision = Precision.Float)]
public partial class ZooResidualReluF
{
    readonly Linear fc1 = new(17, 33, Init.HeNormal);
    readonly Linear fc2 = new(33, 33, Init.HeNormal);
    readonly Linear fc3 = new(33, 33, Init.HeNormal);
    readonly Linear head = new(33, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = h + Relu(fc2.Forward(h));
        h = h + Relu(fc3.Forward(h));
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

[Network(MaxBatchSize = 3, Precision = Precision.Double)]
public partial class ZooResidualReluD
{
    readonly Linear fc1 = new(17, 33, Init.HeNormal);
    readonly Linear fc2 = new(33, 33, Init.HeNormal);
    readonly Linear fc3 = new(33, 33, Init.HeNormal);
    readonly Linear head = new(33, 10, Init.XavierUniform);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Relu(fc1.Forward(x));
        h = h + Relu(fc2.Forward(h));
        h = h + Relu(fc3.Forward(h));
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
