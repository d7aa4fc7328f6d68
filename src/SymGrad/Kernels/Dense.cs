using System;
using System.Numerics;

namespace SymGrad.Kernels;

/// <summary>
/// The three products of a dense layer with W stored [outputs, inputs]:
/// Y = X W^T + b, dW += dY^T X (and db += column sums of dY), dX (=|+=) dY W.
/// </summary>
public static class Dense
{
    /// <summary>Y[b, o] = sum_i X[b, i] W[o, i] + bias[o].</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias, Span<T> y, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < batch; b++)
        {
            var xRow = x.Slice(b * inputs, inputs);
            for (int o = 0; o < outputs; o++)
            {
                var wRow = weight.Slice(o * inputs, inputs);
                T sum = bias[o];
                for (int i = 0; i < inputs; i++)
                {
                    sum += xRow[i] * wRow[i];
                }
                y[b * outputs + o] = sum;
            }
        }
    }

    /// <summary>dW[o, i] += sum_b dY[b, o] X[b, i]; dBias[o] += sum_b dY[b, o].</summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dWeight, Span<T> dBias, int batch, int inputs, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < batch; b++)
        {
            var xRow = x.Slice(b * inputs, inputs);
            for (int o = 0; o < outputs; o++)
            {
                T g = dy[b * outputs + o];
                dBias[o] += g;
                var dwRow = dWeight.Slice(o * inputs, inputs);
                for (int i = 0; i < inputs; i++)
                {
                    dwRow[i] += g * xRow[i];
                }
            }
        }
    }

    /// <summary>dX[b, i] = sum_o dY[b, o] W[o, i], or += when <paramref name="accumulate"/>.</summary>
    public static void BackwardInput<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> weight, Span<T> dx, int batch, int inputs, int outputs, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!accumulate)
        {
            dx.Slice(0, batch * inputs).Clear();
        }
        for (int b = 0; b < batch; b++)
        {
            var dxRow = dx.Slice(b * inputs, inputs);
            for (int o = 0; o < outputs; o++)
            {
                T g = dy[b * outputs + o];
                var wRow = weight.Slice(o * inputs, inputs);
                for (int i = 0; i < inputs; i++)
                {
                    dxRow[i] += g * wRow[i];
                }
            }
        }
    }
}
