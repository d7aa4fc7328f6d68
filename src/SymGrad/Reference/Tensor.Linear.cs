using System;

namespace SymGrad;

// The dense layer, written as the textbook triple loops.
public sealed partial class Tensor
{
    /// <summary>
    /// Y = X W^T + b: <paramref name="x"/> is [batch, in], <paramref name="weight"/> [out, in]
    /// (PyTorch's layout), <paramref name="bias"/> [1, out]; the result is [batch, out].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit; the message names them.</exception>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        int batch = x.Rows, inputs = x.Columns, outputs = weight.Rows;
        if (weight.Columns != inputs)
        {
            throw new ArgumentException($"Linear: the input {x.Shape} has {inputs} features but the weight {weight.Shape} expects {weight.Columns}.");
        }
        if (bias.Rows != 1 || bias.Columns != outputs)
        {
            throw new ArgumentException($"Linear: the bias {bias.Shape} does not fit the weight {weight.Shape}; expected [1, {outputs}].");
        }

        var y = new double[batch * outputs];
        for (int n = 0; n < batch; n++)
        {
            for (int o = 0; o < outputs; o++)
            {
                double sum = bias.Data[o];
                for (int i = 0; i < inputs; i++)
                {
                    sum += x.Data[n * inputs + i] * weight.Data[o * inputs + i];
                }
                y[n * outputs + o] = sum;
            }
        }

        return Record(batch, outputs, y, new[] { x, weight, bias }, result =>
        {
            var dy = result.Gradient!;
            for (int n = 0; n < batch; n++)
            {
                for (int o = 0; o < outputs; o++)
                {
                    double g = dy[n * outputs + o];
                    for (int i = 0; i < inputs; i++)
                    {
                        // y[n,o] = b[o] + sum_i x[n,i] W[o,i]
                        if (x.Gradient is { } dx)
                        {
                            dx[n * inputs + i] += g * weight.Data[o * inputs + i];
                        }
                        if (weight.Gradient is { } dw)
                        {
                            dw[o * inputs + i] += g * x.Data[n * inputs + i];
                        }
                    }
                    if (bias.Gradient is { } db)
                    {
                        db[o] += g;
                    }
                }
            }
        });
    }
}
