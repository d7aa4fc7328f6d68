using SymGrad;

namespace SymGrad.IntegrationTests.Networks;

// Recurrent networks over T steps of F = 3 features: the cell runs over the sequence from a zero
// state and a dense head maps the last hidden state to 2 outputs (MSE). Double versions are for
// gradient checks; float versions (Fixture*) match the PyTorch fixtures.

[Network(Precision = Precision.Double, InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class RnnDoubleT1
{
    const int T = 1, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class RnnFloatT1
{
    const int T = 1, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class GruDoubleT1
{
    const int T = 1, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class GruFloatT1
{
    const int T = 1, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class LstmDoubleT1
{
    const int T = 1, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 1 * 3, MaxBatchSize = 8)]
public partial class LstmFloatT1
{
    const int T = 1, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class RnnDoubleT5
{
    const int T = 5, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class RnnFloatT5
{
    const int T = 5, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class GruDoubleT5
{
    const int T = 5, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class GruFloatT5
{
    const int T = 5, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class LstmDoubleT5
{
    const int T = 5, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 5 * 3, MaxBatchSize = 8)]
public partial class LstmFloatT5
{
    const int T = 5, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class RnnDoubleT20
{
    const int T = 20, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class RnnFloatT20
{
    const int T = 20, F = 3, H = 4;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class GruDoubleT20
{
    const int T = 20, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class GruFloatT20
{
    const int T = 20, F = 3, H = 4;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            h = cell.Step(x.Step(t, F), h);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(Precision = Precision.Double, InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class LstmDoubleT20
{
    const int T = 20, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}

[Network(InputSize = 20 * 3, MaxBatchSize = 8)]
public partial class LstmFloatT20
{
    const int T = 20, F = 3, H = 4;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 2);

    [Forward]
    Tensor Forward(Tensor x)
    {
        var h = Zeros(H);
        var c = Zeros(H);
        for (int t = 0; t < T; t++)
        {
            (h, c) = cell.Step(x.Step(t, F), h, c);
        }
        return head.Forward(h);
    }

    [Loss]
    Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
}
