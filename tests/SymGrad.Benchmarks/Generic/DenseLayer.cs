using System;

namespace SymGrad.Benchmarks.Generic;

/// <summary>
/// Y = X W^T + b with W [outputs, inputs] (the generated network's layout, so both start from the same
/// parameters). With <c>useKernels</c> false the products are the plain loops a classic framework has;
/// with true they call SymGrad's SIMD kernels, which isolates the cost of the generic structure itself.
/// </summary>
public sealed class DenseLayer : GenericLayer
{
    private readonly bool _useKernels;
    private float[] _parameters = Array.Empty<float>();
    private float[] _gradients = Array.Empty<float>();
    private int _offset;

    public DenseLayer(int inputs, int outputs, bool useKernels)
        : base(inputs, outputs)
    {
        _useKernels = useKernels;
    }

    public override int ParameterCount => Outputs * Inputs + Outputs;

    public override void Bind(float[] parameters, float[] gradients, int offset)
    {
        _parameters = parameters;
        _gradients = gradients;
        _offset = offset;
    }

    public override void Forward(float[] x, float[] y, int batch)
    {
        int weights = Outputs * Inputs;
        LayerMath.DenseForward(_useKernels, x, _parameters.AsSpan(_offset, weights), _parameters.AsSpan(_offset + weights, Outputs), y, batch, Inputs, Outputs);
    }

    public override void Backward(float[] x, float[] y, float[] dy, float[]? dx, int batch)
    {
        int weights = Outputs * Inputs;
        LayerMath.DenseBackwardWeights(_useKernels, dy, x, _gradients.AsSpan(_offset, weights), _gradients.AsSpan(_offset + weights, Outputs), batch, Inputs, Outputs);
        if (dx is not null)
        {
            LayerMath.DenseBackwardInput(_useKernels, dy, _parameters.AsSpan(_offset, weights), dx, batch, Inputs, Outputs, accumulate: false);
        }
    }
}
