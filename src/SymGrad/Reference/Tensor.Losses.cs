using System;

namespace SymGrad;

// The fused losses; each returns a [1, 1] tensor and differentiates with respect to both arguments.
public sealed partial class Tensor
{
    /// <summary>Mean over all elements of (prediction - target)^2, as a [1, 1] tensor.</summary>
    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static Tensor MeanSquaredError(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(prediction, target, "MeanSquaredError");
        int count = prediction.Length;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double difference = prediction.Data[i] - target.Data[i];
            sum += difference * difference;
        }

        return Record(1, 1, new[] { sum / count }, new[] { prediction, target }, result =>
        {
            double g = result.Gradient![0];
            for (int i = 0; i < count; i++)
            {
                // d/dp (p - t)^2 / N = 2 (p - t) / N, and the negative of that for t.
                double local = 2.0 * (prediction.Data[i] - target.Data[i]) / count;
                if (prediction.Gradient is { } dp)
                {
                    dp[i] += g * local;
                }
                if (target.Gradient is { } dt)
                {
                    dt[i] -= g * local;
                }
            }
        });
    }

    /// <summary>
    /// Softmax cross-entropy on logits, fused and stable: per row sum_j t_j (logsumexp(z) - z_j),
    /// mean over rows. Target rows are one-hot or soft distributions. Returns a [1, 1] tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(logits, target, "SoftmaxCrossEntropy");
        int rows = logits.Rows, columns = logits.Columns;
        var logSumExp = new double[rows];
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var z = logits.Data.AsSpan(r * columns, columns);
            double max = double.NegativeInfinity;
            foreach (double v in z)
            {
                max = Math.Max(max, v);
            }
            double sum = 0;
            foreach (double v in z)
            {
                sum += Math.Exp(v - max);
            }
            logSumExp[r] = max + Math.Log(sum);
            for (int j = 0; j < columns; j++)
            {
                total += target.Data[r * columns + j] * (logSumExp[r] - z[j]);
            }
        }

        return Record(1, 1, new[] { total / rows }, new[] { logits, target }, result =>
        {
            double g = result.Gradient![0] / rows;
            for (int r = 0; r < rows; r++)
            {
                double targetMass = 0;
                for (int j = 0; j < columns; j++)
                {
                    targetMass += target.Data[r * columns + j];
                }
                for (int j = 0; j < columns; j++)
                {
                    int k = r * columns + j;
                    // d/dz_j = softmax_j * sum_i t_i - t_j (= softmax_j - t_j for a distribution).
                    if (logits.Gradient is { } dz)
                    {
                        dz[k] += g * (Math.Exp(logits.Data[k] - logSumExp[r]) * targetMass - target.Data[k]);
                    }
                    if (target.Gradient is { } dt)
                    {
                        dt[k] += g * (logSumExp[r] - logits.Data[k]);
                    }
                }
            }
        });
    }

    /// <summary>
    /// Sigmoid + binary cross-entropy on logits, fused and stable: mean over all elements of
    /// max(z, 0) - z t + log(1 + e^-|z|). Returns a [1, 1] tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ; the message names both.</exception>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(logits, target, "BinaryCrossEntropyWithLogits");
        int count = logits.Length;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double z = logits.Data[i];
            sum += Math.Max(z, 0.0) - z * target.Data[i] + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
        }

        return Record(1, 1, new[] { sum / count }, new[] { logits, target }, result =>
        {
            double g = result.Gradient![0] / count;
            for (int i = 0; i < count; i++)
            {
                // d/dz = sigmoid(z) - t; d/dt = -z.
                if (logits.Gradient is { } dz)
                {
                    dz[i] += g * (Logistic(logits.Data[i]) - target.Data[i]);
                }
                if (target.Gradient is { } dt)
                {
                    dt[i] -= g * logits.Data[i];
                }
            }
        });
    }
}
