using System;

namespace SymGrad.Benchmarks.Generic;

/// <summary>
/// An LSTM over a whole sequence, written the way a classic framework writes the layer: an input row is T steps of
/// F features (batch-first, [B, T x F]), the output is h after the last step ([B, H]), h0 = c0 = 0. Gates in
/// PyTorch's order i, f, g, o (<see cref="Lstm"/>):
/// i = sigmoid(W_ii x + b_ii + W_hi h + b_hi), f and o likewise, g = tanh(...), c' = f c + i g, h' = o tanh(c').
/// Parameters as the generated network's buffer (<see cref="RecurrentCell"/>): W_ih [4H, F], b_ih [4H],
/// W_hh [4H, H], b_hh [4H]. The forward pass loops over time and keeps every step's gates and states in storage
/// allocated once for the maximum batch; the backward pass is backpropagation through time over that storage.
/// </summary>
/// <remarks>
/// Each gate's pre-activation is computed from its own block of H weight rows, so that a step's gates are stored
/// gate-major ([4, B, H]): every element-wise op of the cell is then one pass over B x H contiguous values (one kernel
/// call with <c>useKernels</c>) instead of a call per sample and gate.
/// </remarks>
public sealed class LstmLayer : GenericLayer
{
    private const int Gates = 4;
    private const int InputGate = 0, ForgetGate = 1, CellGate = 2, OutputGate = 3;

    private readonly bool _kernels;
    private readonly int _steps, _features, _hidden;
    private float[] _parameters = Array.Empty<float>();
    private float[] _gradients = Array.Empty<float>();
    private int _offset;
    private int _maxBatch;

    // Per-step storage (the tape of BPTT), sized for the maximum batch by Reserve. Slot t of _cells and _hiddens
    // holds the state entering step t; slot 0 stays zero (h0 = c0 = 0).
    private float[] _inputs = Array.Empty<float>();      // [T, B, F]: the sequence, time-major
    private float[] _gates = Array.Empty<float>();       // [T, 4, B, H]: i, f, g, o after their activations
    private float[] _cells = Array.Empty<float>();       // [T + 1, B, H]
    private float[] _tanhCells = Array.Empty<float>();   // [T, B, H]: tanh(c_t)
    private float[] _hiddens = Array.Empty<float>();     // [T + 1, B, H]
    private float[] _scratch = Array.Empty<float>();     // [B, H]
    private float[] _dHidden = Array.Empty<float>();     // [B, H]: dL/dh_t
    private float[] _dCell = Array.Empty<float>();       // [B, H]: dL/dc_t
    private float[] _dGates = Array.Empty<float>();      // [4, B, H]: dL/d(pre-activation) of the step

    /// <param name="steps">Time steps T.</param>
    /// <param name="features">Features per step F.</param>
    /// <param name="hidden">Hidden and cell width H.</param>
    /// <param name="useKernels">False: plain loops; true: SymGrad's SIMD kernels.</param>
    public LstmLayer(int steps, int features, int hidden, bool useKernels)
        : base(steps * features, hidden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        _steps = steps;
        _features = features;
        _hidden = hidden;
        _kernels = useKernels;
    }

    public override int ParameterCount => Gates * _hidden * (_features + _hidden + 2);

    public override void Bind(float[] parameters, float[] gradients, int offset)
    {
        _parameters = parameters;
        _gradients = gradients;
        _offset = offset;
    }

    public override void Reserve(int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        int state = maxBatch * _hidden;
        _maxBatch = maxBatch;
        _inputs = new float[_steps * maxBatch * _features];
        _gates = new float[_steps * Gates * state];
        _cells = new float[(_steps + 1) * state];
        _tanhCells = new float[_steps * state];
        _hiddens = new float[(_steps + 1) * state];
        _scratch = new float[state];
        _dHidden = new float[state];
        _dCell = new float[state];
        _dGates = new float[Gates * state];
    }

    public override void Forward(float[] x, float[] y, int batch)
    {
        CheckBatch(batch);
        int n = batch * _hidden;
        int row = _steps * _features;
        // Batch-first rows to time-major steps, so that each step's inputs are one contiguous [B, F] block.
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < _steps; t++)
            {
                x.AsSpan(b * row + t * _features, _features).CopyTo(_inputs.AsSpan((t * _maxBatch + b) * _features, _features));
            }
        }
        for (int t = 0; t < _steps; t++)
        {
            var input = Input(t, batch);
            var previous = State(_hiddens, t, batch);
            for (int k = 0; k < Gates; k++)
            {
                var gate = Gate(_gates, t, k, batch);
                LayerMath.DenseForward(_kernels, input, InputWeight(k), InputBias(k), gate, batch, _features, _hidden);
                LayerMath.DenseForward(_kernels, previous, HiddenWeight(k), HiddenBias(k), _scratch, batch, _hidden, _hidden);
                LayerMath.Add(_kernels, gate, _scratch, gate, n);
            }
            // i and f are adjacent blocks: one sigmoid pass over both.
            var inputAndForget = _gates.AsSpan(GateStart(t, InputGate, batch), 2 * n);
            LayerMath.Sigmoid(_kernels, inputAndForget, inputAndForget, 2 * n);
            LayerMath.Tanh(_kernels, Gate(_gates, t, CellGate, batch), Gate(_gates, t, CellGate, batch), n);
            LayerMath.Sigmoid(_kernels, Gate(_gates, t, OutputGate, batch), Gate(_gates, t, OutputGate, batch), n);

            var cell = State(_cells, t + 1, batch);
            LayerMath.Multiply(_kernels, Gate(_gates, t, ForgetGate, batch), State(_cells, t, batch), cell, n);
            LayerMath.Multiply(_kernels, Gate(_gates, t, InputGate, batch), Gate(_gates, t, CellGate, batch), _scratch, n);
            LayerMath.Add(_kernels, cell, _scratch, cell, n);
            var tanhCell = State(_tanhCells, t, batch);
            LayerMath.Tanh(_kernels, cell, tanhCell, n);
            LayerMath.Multiply(_kernels, Gate(_gates, t, OutputGate, batch), tanhCell, State(_hiddens, t + 1, batch), n);
        }
        State(_hiddens, _steps, batch).CopyTo(y);
    }

    public override void Backward(float[] x, float[] y, float[] dy, float[]? dx, int batch)
    {
        CheckBatch(batch);
        if (dx is not null)
        {
            // The benchmark's LSTM reads the network input; a gradient for the sequence is never needed there.
            throw new NotSupportedException("LstmLayer computes no input gradient: use it as the first layer.");
        }
        int n = batch * _hidden;
        var dHidden = _dHidden.AsSpan(0, n);
        var dCell = _dCell.AsSpan(0, n);
        var scratch = _scratch.AsSpan(0, n);
        dy.AsSpan(0, n).CopyTo(dHidden);
        dCell.Clear();
        for (int t = _steps - 1; t >= 0; t--)
        {
            var i = Gate(_gates, t, InputGate, batch);
            var f = Gate(_gates, t, ForgetGate, batch);
            var g = Gate(_gates, t, CellGate, batch);
            var o = Gate(_gates, t, OutputGate, batch);
            var tanhCell = State(_tanhCells, t, batch);
            var dI = Gate(_dGates, 0, InputGate, batch);
            var dF = Gate(_dGates, 0, ForgetGate, batch);
            var dG = Gate(_dGates, 0, CellGate, batch);
            var dO = Gate(_dGates, 0, OutputGate, batch);

            // h = o * tanh(c): do = dh tanh(c) through the sigmoid; dc += dh o (1 - tanh(c)^2).
            LayerMath.Multiply(_kernels, dHidden, tanhCell, dO, n);
            LayerMath.SigmoidBackward(_kernels, o, dO, dO, n);
            LayerMath.Multiply(_kernels, dHidden, o, scratch, n);
            LayerMath.TanhBackward(_kernels, tanhCell, scratch, dCell, n, accumulate: true);
            // c = f * c_prev + i * g: di = dc g, dg = dc i, df = dc c_prev, each through its activation; dc_prev = dc f.
            LayerMath.Multiply(_kernels, dCell, g, scratch, n);
            LayerMath.SigmoidBackward(_kernels, i, scratch, dI, n);
            LayerMath.Multiply(_kernels, dCell, i, scratch, n);
            LayerMath.TanhBackward(_kernels, g, scratch, dG, n, accumulate: false);
            LayerMath.Multiply(_kernels, dCell, State(_cells, t, batch), scratch, n);
            LayerMath.SigmoidBackward(_kernels, f, scratch, dF, n);
            LayerMath.Multiply(_kernels, dCell, f, dCell, n);

            // Both dense maps of every gate: weight gradients add over the steps; dh_prev = sum_k dz_k W_hh,k.
            var input = Input(t, batch);
            var previous = State(_hiddens, t, batch);
            for (int k = 0; k < Gates; k++)
            {
                var dGate = Gate(_dGates, 0, k, batch);
                LayerMath.DenseBackwardWeights(_kernels, dGate, input, InputWeightGradient(k), InputBiasGradient(k), batch, _features, _hidden);
                LayerMath.DenseBackwardWeights(_kernels, dGate, previous, HiddenWeightGradient(k), HiddenBiasGradient(k), batch, _hidden, _hidden);
            }
            if (t > 0)
            {
                for (int k = 0; k < Gates; k++)
                {
                    LayerMath.DenseBackwardInput(_kernels, Gate(_dGates, 0, k, batch), HiddenWeight(k), dHidden, batch, _hidden, _hidden, accumulate: k > 0);
                }
            }
        }
    }

    private void CheckBatch(int batch)
    {
        if (batch < 1 || batch > _maxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"Expected 1 to {_maxBatch} rows (the batch reserved for).");
        }
    }

    private Span<float> Input(int t, int batch) => _inputs.AsSpan(t * _maxBatch * _features, batch * _features);

    private Span<float> State(float[] states, int t, int batch) => states.AsSpan(t * _maxBatch * _hidden, batch * _hidden);

    private int GateStart(int t, int gate, int batch) => (t * Gates * _maxBatch + gate * batch) * _hidden;

    private Span<float> Gate(float[] gates, int t, int gate, int batch) => gates.AsSpan(GateStart(t, gate, batch), batch * _hidden);

    // Offsets of gate k's rows in the four parameter blocks (RecurrentCell's layout).
    private int InputWeightAt(int k) => _offset + k * _hidden * _features;
    private int InputBiasAt(int k) => _offset + Gates * _hidden * _features + k * _hidden;
    private int HiddenWeightAt(int k) => _offset + Gates * _hidden * (_features + 1) + k * _hidden * _hidden;
    private int HiddenBiasAt(int k) => _offset + Gates * _hidden * (_features + 1 + _hidden) + k * _hidden;

    private ReadOnlySpan<float> InputWeight(int k) => _parameters.AsSpan(InputWeightAt(k), _hidden * _features);
    private ReadOnlySpan<float> InputBias(int k) => _parameters.AsSpan(InputBiasAt(k), _hidden);
    private ReadOnlySpan<float> HiddenWeight(int k) => _parameters.AsSpan(HiddenWeightAt(k), _hidden * _hidden);
    private ReadOnlySpan<float> HiddenBias(int k) => _parameters.AsSpan(HiddenBiasAt(k), _hidden);
    private Span<float> InputWeightGradient(int k) => _gradients.AsSpan(InputWeightAt(k), _hidden * _features);
    private Span<float> InputBiasGradient(int k) => _gradients.AsSpan(InputBiasAt(k), _hidden);
    private Span<float> HiddenWeightGradient(int k) => _gradients.AsSpan(HiddenWeightAt(k), _hidden * _hidden);
    private Span<float> HiddenBiasGradient(int k) => _gradients.AsSpan(HiddenBiasAt(k), _hidden);
}
