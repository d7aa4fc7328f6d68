using System;
using System.Collections.Generic;
using SymGrad;

namespace GradientLab.Studies;

/// <summary>
/// Per-layer activation and back-propagated gradient statistics of a plain MLP (Linear, activation,
/// ..., Linear output, softmax cross-entropy), computed in double precision from a generated
/// network's own parameters. Why not the generated code: the instrumentation records gradient norms,
/// not activations, and a forward pass over <see cref="INetwork{T}.ParameterViews"/> is a dozen lines,
/// where sub-networks would need one generated class per depth. The tests check it against the
/// generated network (same logits from <c>Predict</c>, same ||dL/dZ|| as its statistics).
/// </summary>
public static class LayerProbe
{
    /// <summary>The probe's results for one batch, per Linear layer in forward order (the output layer last).</summary>
    /// <param name="ActivationSquares">Per hidden layer: sum over sample x unit of a^2, a = f(z) the layer's activation.</param>
    /// <param name="ActivationSums">Per hidden layer: sum of a.</param>
    /// <param name="GradientSquares">Per layer: sum of (dL/dz)^2, L the batch-mean loss.</param>
    /// <param name="GradientSums">Per layer: sum of dL/dz.</param>
    /// <param name="Logits">The output layer's z, [batch, classes].</param>
    public sealed record Batch(double[] ActivationSquares, double[] ActivationSums, double[] GradientSquares, double[] GradientSums, double[] Logits);

    /// <summary>
    /// Runs the forward and backward pass of <paramref name="network"/>'s parameters on one batch.
    /// </summary>
    /// <param name="network">A plain MLP whose parameter views are weight, bias pairs of consecutive Linear layers.</param>
    /// <param name="activation">The hidden layers' activation: <c>tanh</c> or <c>relu</c>.</param>
    /// <param name="inputs">[batch, InputSize].</param>
    /// <param name="targets">[batch, OutputSize], one-hot.</param>
    /// <exception cref="ArgumentException">The views are not weight/bias pairs that chain, or the spans' lengths do not fit.</exception>
    public static Batch Run(INetwork<float> network, string activation, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        ArgumentNullException.ThrowIfNull(network);
        Func<double, double> f, fPrime;
        switch (activation)
        {
            case "tanh": f = Math.Tanh; fPrime = z => 1 - Math.Tanh(z) * Math.Tanh(z); break;
            case "relu": f = z => Math.Max(z, 0); fPrime = z => z > 0 ? 1 : 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected tanh or relu.");
        }
        var layers = Layers(network);
        if (inputs.Length % network.InputSize != 0 || targets.Length != inputs.Length / network.InputSize * network.OutputSize)
        {
            throw new ArgumentException($"Expected [batch, {network.InputSize}] inputs and [batch, {network.OutputSize}] targets, but got {inputs.Length} and {targets.Length} values.", nameof(inputs));
        }
        int batch = inputs.Length / network.InputSize;
        var parameters = network.Parameters;
        var z = new double[layers.Count][];
        var a = new double[layers.Count + 1][];
        a[0] = new double[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            a[0][i] = inputs[i];
        }
        for (int l = 0; l < layers.Count; l++)
        {
            var (weight, bias) = layers[l];
            z[l] = new double[batch * weight.Rows];
            for (int s = 0; s < batch; s++)
            {
                for (int o = 0; o < weight.Rows; o++)
                {
                    double sum = parameters[bias.Offset + o];
                    for (int i = 0; i < weight.Columns; i++)
                    {
                        sum += parameters[weight.Offset + o * weight.Columns + i] * a[l][s * weight.Columns + i];
                    }
                    z[l][s * weight.Rows + o] = sum;
                }
            }
            a[l + 1] = l == layers.Count - 1 ? z[l] : Array.ConvertAll(z[l], v => f(v));
        }

        // dL/dz of the output: (softmax - target) / batch, L the batch-mean cross-entropy.
        int classes = network.OutputSize;
        var logits = z[^1];
        var delta = new double[logits.Length];
        for (int s = 0; s < batch; s++)
        {
            double max = double.NegativeInfinity, total = 0;
            for (int c = 0; c < classes; c++) max = Math.Max(max, logits[s * classes + c]);
            for (int c = 0; c < classes; c++) total += Math.Exp(logits[s * classes + c] - max);
            for (int c = 0; c < classes; c++)
            {
                delta[s * classes + c] = (Math.Exp(logits[s * classes + c] - max) / total - targets[s * classes + c]) / batch;
            }
        }
        var gradientSquares = new double[layers.Count];
        var gradientSums = new double[layers.Count];
        for (int l = layers.Count - 1; ; l--)
        {
            foreach (double d in delta)
            {
                gradientSquares[l] += d * d;
                gradientSums[l] += d;
            }
            if (l == 0)
            {
                break;
            }
            var weight = layers[l].Weight;
            var previous = new double[batch * weight.Columns];
            for (int s = 0; s < batch; s++)
            {
                for (int i = 0; i < weight.Columns; i++)
                {
                    double sum = 0;
                    for (int o = 0; o < weight.Rows; o++)
                    {
                        sum += parameters[weight.Offset + o * weight.Columns + i] * delta[s * weight.Rows + o];
                    }
                    previous[s * weight.Columns + i] = sum * fPrime(z[l - 1][s * weight.Columns + i]);
                }
            }
            delta = previous;
        }

        var activationSquares = new double[layers.Count - 1];
        var activationSums = new double[layers.Count - 1];
        for (int l = 0; l < activationSquares.Length; l++)
        {
            foreach (double v in a[l + 1])
            {
                activationSquares[l] += v * v;
                activationSums[l] += v;
            }
        }
        return new Batch(activationSquares, activationSums, gradientSquares, gradientSums, logits);
    }

    /// <summary>Standard deviation from a sum of squares, a sum and a count.</summary>
    public static double StandardDeviation(double squares, double sum, long count) =>
        Math.Sqrt(Math.Max(0, squares / count - (sum / count) * (sum / count)));

    private static List<(ParameterView Weight, ParameterView Bias)> Layers(INetwork<float> network)
    {
        var views = network.ParameterViews;
        var layers = new List<(ParameterView, ParameterView)>();
        int width = network.InputSize;
        for (int i = 0; i + 1 < views.Count; i += 2)
        {
            var (weight, bias) = (views[i], views[i + 1]);
            if (!weight.Name.EndsWith(".Weight", StringComparison.Ordinal) || bias.Name != weight.Name[..^".Weight".Length] + ".Bias"
                || weight.Columns != width || bias.Length != weight.Rows)
            {
                throw new ArgumentException($"Expected a plain MLP (weight, bias pairs that chain), but {weight.Name} and {bias.Name} do not.", nameof(network));
            }
            layers.Add((weight, bias));
            width = weight.Rows;
        }
        if (views.Count % 2 != 0 || width != network.OutputSize)
        {
            throw new ArgumentException($"Expected a plain MLP ending in {network.OutputSize} outputs.", nameof(network));
        }
        return layers;
    }
}
