using System;
using SymGrad.Kernels;

namespace SymGrad.Benchmarks.Generic;

/// <summary>
/// The primitives a generic layer is built from, each either as the plain loop a classic framework writes
/// (<c>kernels</c> false) or as a call of SymGrad's SIMD kernels (true), so that a layer writes its algorithm once
/// and the two generic variants differ only in these calls. Dense weights are [outputs, inputs] (PyTorch's layout).
/// </summary>
internal static class LayerMath
{
    /// <summary>y = x W^T + b for <paramref name="batch"/> rows.</summary>
    public static void DenseForward(bool kernels, ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> y, int batch, int inputs, int outputs)
    {
        if (kernels)
        {
            Dense.Forward(x, weight, bias, y, batch, inputs, outputs);
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < outputs; o++)
            {
                float sum = bias[o];
                for (int i = 0; i < inputs; i++)
                {
                    sum += x[b * inputs + i] * weight[o * inputs + i];
                }
                y[b * outputs + o] = sum;
            }
        }
    }

    /// <summary>dW += dy^T x; db += column sums of dy.</summary>
    public static void DenseBackwardWeights(bool kernels, ReadOnlySpan<float> dy, ReadOnlySpan<float> x, Span<float> dWeight, Span<float> dBias, int batch, int inputs, int outputs)
    {
        if (kernels)
        {
            Dense.BackwardWeights(dy, x, dWeight, dBias, batch, inputs, outputs, accumulate: true);
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < outputs; o++)
            {
                float g = dy[b * outputs + o];
                for (int i = 0; i < inputs; i++)
                {
                    dWeight[o * inputs + i] += g * x[b * inputs + i];
                }
                dBias[o] += g;
            }
        }
    }

    /// <summary>dx (= or +=) dy W.</summary>
    public static void DenseBackwardInput(bool kernels, ReadOnlySpan<float> dy, ReadOnlySpan<float> weight, Span<float> dx, int batch, int inputs, int outputs, bool accumulate)
    {
        if (kernels)
        {
            Dense.BackwardInput(dy, weight, dx, batch, inputs, outputs, accumulate);
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < inputs; i++)
            {
                float sum = 0f;
                for (int o = 0; o < outputs; o++)
                {
                    sum += dy[b * outputs + o] * weight[o * inputs + i];
                }
                dx[b * inputs + i] = accumulate ? dx[b * inputs + i] + sum : sum;
            }
        }
    }

    /// <summary>y = 1 / (1 + e^-x), element-wise (in place allowed).</summary>
    public static void Sigmoid(bool kernels, ReadOnlySpan<float> x, Span<float> y, int count)
    {
        if (kernels)
        {
            Activations.Sigmoid(x, y, count);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            y[k] = 1f / (1f + MathF.Exp(-x[k]));
        }
    }

    /// <summary>y = tanh x, element-wise (in place allowed).</summary>
    public static void Tanh(bool kernels, ReadOnlySpan<float> x, Span<float> y, int count)
    {
        if (kernels)
        {
            Activations.Tanh(x, y, count);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            y[k] = MathF.Tanh(x[k]);
        }
    }

    /// <summary>dx = dy * y (1 - y): the sigmoid's gradient from its output (in place allowed).</summary>
    public static void SigmoidBackward(bool kernels, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int count)
    {
        if (kernels)
        {
            Activations.SigmoidBackward(y, dy, dx, count, accumulate: false);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            dx[k] = dy[k] * y[k] * (1f - y[k]);
        }
    }

    /// <summary>dx (= or +=) dy (1 - y^2): tanh's gradient from its output (in place allowed).</summary>
    public static void TanhBackward(bool kernels, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int count, bool accumulate)
    {
        if (kernels)
        {
            Activations.TanhBackward(y, dy, dx, count, accumulate);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            float value = dy[k] * (1f - y[k] * y[k]);
            dx[k] = accumulate ? dx[k] + value : value;
        }
    }

    /// <summary>y = a + b, element-wise (in place allowed).</summary>
    public static void Add(bool kernels, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y, int count)
    {
        if (kernels)
        {
            Elementwise.Add(a, b, y, count);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            y[k] = a[k] + b[k];
        }
    }

    /// <summary>y = a * b, element-wise (in place allowed); also a product's gradient, dy times the other factor.</summary>
    public static void Multiply(bool kernels, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y, int count)
    {
        if (kernels)
        {
            Elementwise.Multiply(a, b, y, count);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            y[k] = a[k] * b[k];
        }
    }
}
