using SymGrad;

namespace GradientLab.Networks;

// The recurrent study's networks: a cell of H = 16 stepped over T steps of F = 4 features (the
// memory task's one-hot first input, then noise), a dense head to 4 class logits, softmax
// cross-entropy. One class per cell and length because T is a compile-time constant; at these
// lengths the loop is unrolled (LoopRollThreshold = 64) into straight-line backpropagation through
// time, because the per-step dL/dh_t instrumentation covers unrolled loops only.

/// <summary>The memory task with a tanh RNN over T = 10 steps.</summary>
[Network(InputSize = 10 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryRnnT10
{
    const int T = 10, F = 4, H = 16;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with an LSTM over T = 10 steps.</summary>
[Network(InputSize = 10 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryLstmT10
{
    const int T = 10, F = 4, H = 16;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with a GRU over T = 10 steps.</summary>
[Network(InputSize = 10 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryGruT10
{
    const int T = 10, F = 4, H = 16;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with a tanh RNN over T = 20 steps.</summary>
[Network(InputSize = 20 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryRnnT20
{
    const int T = 20, F = 4, H = 16;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with an LSTM over T = 20 steps.</summary>
[Network(InputSize = 20 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryLstmT20
{
    const int T = 20, F = 4, H = 16;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with a GRU over T = 20 steps.</summary>
[Network(InputSize = 20 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryGruT20
{
    const int T = 20, F = 4, H = 16;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with a tanh RNN over T = 50 steps.</summary>
[Network(InputSize = 50 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryRnnT50
{
    const int T = 50, F = 4, H = 16;
    readonly Rnn cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with an LSTM over T = 50 steps.</summary>
[Network(InputSize = 50 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryLstmT50
{
    const int T = 50, F = 4, H = 16;
    readonly Lstm cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}

/// <summary>The memory task with a GRU over T = 50 steps.</summary>
[Network(InputSize = 50 * 4, MaxBatchSize = 32, Instrumentation = true, LoopRollThreshold = 64)]
public partial class MemoryGruT50
{
    const int T = 50, F = 4, H = 16;
    readonly Gru cell = new(F, H);
    readonly Linear head = new(H, 4);

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
    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
}
