using System;
using System.Collections.Generic;

namespace SymGrad.Benchmarks.Generic;

/// <summary>
/// The generic implementation: a list of <see cref="GenericLayer"/> objects run in a loop, forward and then
/// backward, over buffers allocated once for the maximum batch; one flat parameter and gradient buffer, in the
/// generated network's layout, updated by the same <see cref="Optimizer"/>.
/// </summary>
public sealed class GenericNetwork
{
    private readonly List<GenericLayer> _layers;
    private readonly GenericLoss _loss;
    private readonly float[][] _values;
    private readonly float[][] _adjoints;

    public GenericNetwork(IReadOnlyList<GenericLayer> layers, GenericLoss loss, int maxBatch)
    {
        _layers = new List<GenericLayer>(layers);
        _loss = loss;
        int count = 0;
        foreach (var layer in _layers)
        {
            count += layer.ParameterCount;
        }
        Parameters = new float[count];
        Gradients = new float[count];
        int offset = 0;
        foreach (var layer in _layers)
        {
            layer.Bind(Parameters, Gradients, offset);
            offset += layer.ParameterCount;
        }
        // _values[0] is the input; _values[k + 1] is layer k's output.
        _values = new float[_layers.Count + 1][];
        _adjoints = new float[_layers.Count + 1][];
        _values[0] = new float[maxBatch * _layers[0].Inputs];
        for (int k = 0; k < _layers.Count; k++)
        {
            _values[k + 1] = new float[maxBatch * _layers[k].Outputs];
            _adjoints[k + 1] = new float[maxBatch * _layers[k].Outputs];
            _layers[k].Reserve(maxBatch);
        }
        MaxBatch = maxBatch;
    }

    public float[] Parameters { get; }
    public float[] Gradients { get; }
    public int MaxBatch { get; }

    /// <summary>Forward, loss, backward and one optimizer update; returns the loss.</summary>
    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Optimizer optimizer)
    {
        float loss = ComputeGradients(inputs, targets);
        optimizer.Step(Parameters, Gradients);
        return loss;
    }

    /// <summary>Forward, loss and backward: returns the loss and leaves dL/dparameters in <see cref="Gradients"/>.</summary>
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        int batch = inputs.Length / _layers[0].Inputs;
        if (batch < 1 || batch > MaxBatch || batch * _layers[0].Inputs != inputs.Length)
        {
            throw new ArgumentException($"Expected 1 to {MaxBatch} rows of {_layers[0].Inputs} values.", nameof(inputs));
        }
        int outputs = _layers[^1].Outputs;
        if (targets.Length != batch * outputs)
        {
            throw new ArgumentException($"Expected {batch} rows of {outputs} targets ({batch * outputs} values), got {targets.Length}.", nameof(targets));
        }
        inputs.CopyTo(_values[0]);
        for (int k = 0; k < _layers.Count; k++)
        {
            _layers[k].Forward(_values[k], _values[k + 1], batch);
        }
        int last = _layers.Count;
        float loss = _loss.Compute(_values[last], targets, _adjoints[last], batch, outputs);
        Array.Clear(Gradients);
        for (int k = _layers.Count - 1; k >= 0; k--)
        {
            _layers[k].Backward(_values[k], _values[k + 1], _adjoints[k + 1], k == 0 ? null : _adjoints[k], batch);
        }
        return loss;
    }
}
