using System;
using System.Collections.Generic;
using System.Linq;
using SymGrad.Reference;

namespace SymGrad.IntegrationTests.Checkpoints;

/// <summary>
/// A hand-written <see cref="INetwork{T}"/> whose parameter views are given: one type with two layouts,
/// as a network class is before and after its layers are edited. Only the buffers work.
/// </summary>
internal sealed class LayoutNetwork : INetwork<float>
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly ParameterView[] _views;

    public LayoutNetwork(params (string Name, int Offset, int Rows, int Columns)[] views)
    {
        _views = views.Select(v => new ParameterView(v.Name, v.Offset, v.Rows, v.Columns)).ToArray();
        int count = _views.Max(v => v.Offset + v.Length);
        _parameters = Enumerable.Range(0, count).Select(i => (float)i).ToArray();
        _gradients = new float[count];
    }

    public int InputSize => 3;
    public int OutputSize => 2;
    public int ParameterCount => _parameters.Length;
    public int MaxBatchSize => 1;
    public Span<float> Parameters => _parameters;
    public Span<float> Gradients => _gradients;
    public IReadOnlyList<ParameterView> ParameterViews => _views;

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => throw new NotSupportedException();
    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => throw new NotSupportedException();
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => throw new NotSupportedException();
    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Optimizer optimizer) => throw new NotSupportedException();
    public ReferenceResult ComputeReferenceGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => throw new NotSupportedException();
}
