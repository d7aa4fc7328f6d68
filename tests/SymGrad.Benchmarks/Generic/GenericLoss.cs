using System;

namespace SymGrad.Benchmarks.Generic;

/// <summary>A loss of the generic implementation: returns the mean loss and writes dL/dprediction.</summary>
public abstract class GenericLoss
{
    public abstract float Compute(float[] prediction, ReadOnlySpan<float> target, float[] gradient, int batch, int features);
}

/// <summary>Softmax cross-entropy, mean over rows, shifted by the row max.</summary>
public sealed class SoftmaxCrossEntropyLoss : GenericLoss
{
    public override float Compute(float[] prediction, ReadOnlySpan<float> target, float[] gradient, int batch, int features)
    {
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            int row = b * features;
            float max = prediction[row];
            for (int j = 1; j < features; j++)
            {
                max = MathF.Max(max, prediction[row + j]);
            }
            float sum = 0f;
            for (int j = 0; j < features; j++)
            {
                sum += MathF.Exp(prediction[row + j] - max);
            }
            float logSum = max + MathF.Log(sum);
            for (int j = 0; j < features; j++)
            {
                total += target[row + j] * (logSum - prediction[row + j]);
                gradient[row + j] = (MathF.Exp(prediction[row + j] - logSum) - target[row + j]) / batch;
            }
        }
        return (float)(total / batch);
    }
}

/// <summary>Mean squared error over all batch x features elements.</summary>
public sealed class MeanSquaredErrorLoss : GenericLoss
{
    public override float Compute(float[] prediction, ReadOnlySpan<float> target, float[] gradient, int batch, int features)
    {
        int n = batch * features;
        double total = 0;
        for (int k = 0; k < n; k++)
        {
            float d = prediction[k] - target[k];
            total += d * d;
            gradient[k] = 2f * d / n;
        }
        return (float)(total / n);
    }
}
