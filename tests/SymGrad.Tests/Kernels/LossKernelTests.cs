using System;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>The fused losses against their textbook formulas, central differences, and extreme logits.</summary>
public class LossKernelTests
{
    private const int Batch = 3;
    private const int Classes = 5;

    [Fact]
    public void MeanSquaredErrorMatchesItsFormula()
    {
        var p = NaiveDense.Random(Batch * Classes, 21);
        var t = NaiveDense.Random(Batch * Classes, 22);
        var grad = new double[p.Length];
        double loss = Losses.MeanSquaredError<double>(p, t, grad, Batch, Classes);

        double expected = 0;
        for (int i = 0; i < p.Length; i++)
        {
            expected += (p[i] - t[i]) * (p[i] - t[i]);
            Assert.Equal(2 * (p[i] - t[i]) / p.Length, grad[i], 1e-15);
        }
        Assert.Equal(expected / p.Length, loss, 1e-14);
    }

    [Fact]
    public void SoftmaxCrossEntropyMatchesTheUnshiftedFormulaAndCentralDifferences()
    {
        var z = NaiveDense.Random(Batch * Classes, 23);
        var t = OneHot(1, 4, 0);
        var grad = new double[z.Length];
        double loss = Losses.SoftmaxCrossEntropy<double>(z, t, grad, Batch, Classes);

        Assert.Equal(DirectCrossEntropy(z, t), loss, 1e-14);
        for (int k = 0; k < z.Length; k++)
        {
            int row = k / Classes;
            double sumExp = 0;
            for (int j = 0; j < Classes; j++)
            {
                sumExp += Math.Exp(z[row * Classes + j]);
            }
            Assert.Equal((Math.Exp(z[k]) / sumExp - t[k]) / Batch, grad[k], 1e-14);
            Assert.Equal(CentralDifference(z, k, zz => DirectCrossEntropy(zz, t)), grad[k], 1e-8);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public void SoftmaxCrossEntropyPropagatesANaNLogitToTheLossAndItsRowOnly(int column)
    {
        // Ten classes (an odd tail for the paired accumulators), the NaN first, in the middle or last in its row.
        const int classes = 10, batch = 3;
        var z = NaiveDense.Random(batch * classes, 29);
        z[classes + column] = double.NaN;
        var t = new double[batch * classes];
        t[2] = t[classes + 5] = t[2 * classes + 7] = 1;
        foreach (bool isFloat in new[] { false, true })
        {
            double loss;
            double[] grad;
            if (isFloat)
            {
                var g = new float[z.Length];
                loss = Losses.SoftmaxCrossEntropy<float>(NaiveDense.ToFloat(z), NaiveDense.ToFloat(t), g, batch, classes);
                grad = Array.ConvertAll(g, v => (double)v);
            }
            else
            {
                grad = new double[z.Length];
                loss = Losses.SoftmaxCrossEntropy<double>(z, t, grad, batch, classes);
            }
            Assert.True(double.IsNaN(loss), $"loss {loss} (float {isFloat})");
            for (int k = 0; k < z.Length; k++)
            {
                Assert.True(k / classes == 1 ? double.IsNaN(grad[k]) : double.IsFinite(grad[k]), $"gradient {k} = {grad[k]} (float {isFloat})");
            }
        }
    }

    [Fact]
    public void SoftmaxCrossEntropyStaysFiniteForLogitsOfPlusAndMinusAThousand()
    {
        // Row 0 predicts class 0 with logit 1000 and the target is class 1 (logit -1000): loss 2000.
        // Row 1 is right with the same margin: loss 0.
        double[] z = { 1000, -1000, 0, 1000, -1000, 0 };
        double[] t = { 0, 1, 0, 1, 0, 0 };
        var grad = new double[6];
        double loss = Losses.SoftmaxCrossEntropy<double>(z, t, grad, 2, 3);
        Assert.Equal(1000.0, loss, 1e-9);
        Assert.Equal(new[] { 0.5, -0.5, 0, 0, 0, 0 }, grad, new ToleranceComparer(1e-12));

        var gradFloat = new float[6];
        float lossFloat = Losses.SoftmaxCrossEntropy<float>(NaiveDense.ToFloat(z), NaiveDense.ToFloat(t), gradFloat, 2, 3);
        Assert.Equal(1000f, lossFloat, 1e-3f);
        Assert.All(gradFloat, g => Assert.True(float.IsFinite(g)));
        Assert.Equal(-0.5f, gradFloat[1], 1e-6f);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsMatchesTheLogSigmoidFormula()
    {
        var z = NaiveDense.Random(Batch * Classes, 24);
        var t = NaiveDense.Random(Batch * Classes, 25);
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = (t[i] + 1) / 2; // soft targets in [0, 1]
        }
        var grad = new double[z.Length];
        double loss = Losses.BinaryCrossEntropyWithLogits<double>(z, t, grad, Batch, Classes);
        Assert.Equal(DirectBinaryCrossEntropy(z, t), loss, 1e-14);
        for (int k = 0; k < z.Length; k++)
        {
            Assert.Equal((1 / (1 + Math.Exp(-z[k])) - t[k]) / z.Length, grad[k], 1e-15);
            Assert.Equal(CentralDifference(z, k, zz => DirectBinaryCrossEntropy(zz, t)), grad[k], 1e-8);
        }
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsStaysFiniteForLogitsOfPlusAndMinusAThousand()
    {
        // Wrong by a margin of 1000 twice (loss 1000 each), right twice (loss 0): mean 500.
        double[] z = { 1000, -1000, 1000, -1000 };
        double[] t = { 0, 1, 1, 0 };
        var grad = new double[4];
        Assert.Equal(500.0, Losses.BinaryCrossEntropyWithLogits<double>(z, t, grad, 1, 4), 1e-9);
        Assert.Equal(new[] { 0.25, -0.25, 0, 0 }, grad, new ToleranceComparer(1e-12));

        var gradFloat = new float[4];
        float lossFloat = Losses.BinaryCrossEntropyWithLogits<float>(NaiveDense.ToFloat(z), NaiveDense.ToFloat(t), gradFloat, 1, 4);
        Assert.Equal(500f, lossFloat, 1e-3f);
        Assert.All(gradFloat, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void AnEmptyGradientSpanComputesTheLossOnly()
    {
        var z = NaiveDense.Random(Batch * Classes, 26);
        var t = OneHot(0, 2, 3);
        Assert.Equal(DirectCrossEntropy(z, t), Losses.SoftmaxCrossEntropy<double>(z, t, Span<double>.Empty, Batch, Classes), 1e-14);
        var ex = Assert.Throws<ArgumentException>(() => Losses.SoftmaxCrossEntropy<double>(z, t, new double[3], Batch, Classes));
        Assert.Equal("gradient", ex.ParamName);
    }

    [Fact]
    public void TheLossAloneEqualsTheLossWithItsGradientEvenWhenLogitsOverflowTheirDifferences()
    {
        // Float logits of +-3e38: logsumexp - z overflows to infinity for the -3e38 class, whose target is 0; a
        // per-class sum t_j (logsumexp - z_j) would make that 0 x infinity = NaN. The row's loss is 0 (right answer).
        float[] z = { 3e38f, -3e38f, 0f, 1f, 2f, 3f };
        float[] t = { 1f, 0f, 0f, 0f, 0f, 1f };
        float withGradient = Losses.SoftmaxCrossEntropy<float>(z, t, new float[6], 2, 3);
        float alone = Losses.SoftmaxCrossEntropy<float>(z, t, Span<float>.Empty, 2, 3);
        Assert.True(float.IsFinite(alone), $"loss alone {alone}");
        Assert.Equal(withGradient, alone, 1e-6f); // the same formula; the exps differ in the last bits (vectorized vs scalar)
        // Row 1: logsumexp(1, 2, 3) - 3; row 0: 0. Mean over the 2 rows.
        double expected = (Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)) - 3) / 2;
        Assert.Equal(expected, alone, 1e-6);
    }

    private static double[] OneHot(params int[] labels)
    {
        var t = new double[labels.Length * Classes];
        for (int b = 0; b < labels.Length; b++)
        {
            t[b * Classes + labels[b]] = 1;
        }
        return t;
    }

    /// <summary>-mean_b sum_j t_j log(exp(z_j) / sum_k exp(z_k)), without the max shift (fine for |z| &lt;= 1).</summary>
    private static double DirectCrossEntropy(double[] z, double[] t)
    {
        int batch = z.Length / Classes;
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double sumExp = 0;
            for (int j = 0; j < Classes; j++)
            {
                sumExp += Math.Exp(z[b * Classes + j]);
            }
            for (int j = 0; j < Classes; j++)
            {
                total -= t[b * Classes + j] * Math.Log(Math.Exp(z[b * Classes + j]) / sumExp);
            }
        }
        return total / batch;
    }

    /// <summary>-mean (t log sigmoid(z) + (1 - t) log(1 - sigmoid(z))).</summary>
    private static double DirectBinaryCrossEntropy(double[] z, double[] t)
    {
        double total = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double s = 1 / (1 + Math.Exp(-z[i]));
            total -= t[i] * Math.Log(s) + (1 - t[i]) * Math.Log(1 - s);
        }
        return total / z.Length;
    }

    private static double CentralDifference(double[] z, int k, Func<double[], double> f)
    {
        const double h = 1e-5;
        var plus = (double[])z.Clone();
        var minus = (double[])z.Clone();
        plus[k] += h;
        minus[k] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }
}
