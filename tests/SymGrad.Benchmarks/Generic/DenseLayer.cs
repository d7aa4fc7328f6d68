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
        if (_useKernels)
        {
            Kernels.Dense.Forward<float>(x, _parameters.AsSpan(_offset, weights), _parameters.AsSpan(_offset + weights, Outputs), y, batch, Inputs, Outputs);
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                float sum = _parameters[_offset + weights + o];
                for (int i = 0; i < Inputs; i++)
                {
                    sum += x[b * Inputs + i] * _parameters[_offset + o * Inputs + i];
                }
                y[b * Outputs + o] = sum;
            }
        }
    }

    public override void Backward(float[] x, float[] y, float[] dy, float[]? dx, int batch)
    {
        int weights = Outputs * Inputs;
        if (_useKernels)
        {
            Kernels.Dense.BackwardWeights<float>(dy, x, _gradients.AsSpan(_offset, weights), _gradients.AsSpan(_offset + weights, Outputs), batch, Inputs, Outputs);
            if (dx is not null)
            {
                Kernels.Dense.BackwardInput<float>(dy, _parameters.AsSpan(_offset, weights), dx, batch, Inputs, Outputs, accumulate: false);
            }
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                float g = dy[b * Outputs + o];
                for (int i = 0; i < Inputs; i++)
                {
                    _gradients[_offset + o * Inputs + i] += g * x[b * Inputs + i];
                }
                _gradients[_offset + weights + o] += g;
            }
        }
        if (dx is null)
        {
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < Inputs; i++)
            {
                float sum = 0f;
                for (int o = 0; o < Outputs; o++)
                {
                    sum += dy[b * Outputs + o] * _parameters[_offset + o * Inputs + i];
                }
                dx[b * Inputs + i] = sum;
            }
        }
    }
}
