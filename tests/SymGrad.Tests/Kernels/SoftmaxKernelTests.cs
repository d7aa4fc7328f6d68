using System;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary><see cref="Softmax"/> against exp/sum and against its Jacobian written out, J[j, i] = y_j (delta_ji - y_i).</summary>
public class SoftmaxKernelTests
{
    private const int Batch = 2;
    private const int Features = 7;

    [Fact]
    public void ForwardMatchesExpOverSum()
    {
        var x = NaiveDense.Random(Batch * Features, 31);
        var y = new double[x.Length];
        Softmax.Forward<double>(x, y, Batch, Features);
        for (int b = 0; b < Batch; b++)
        {
            double sum = 0;
            for (int j = 0; j < Features; j++)
            {
                sum += Math.Exp(x[b * Features + j]);
            }
            for (int i = 0; i < Features; i++)
            {
                Assert.Equal(Math.Exp(x[b * Features + i]) / sum, y[b * Features + i], 1e-15);
            }
        }
    }

    [Fact]
    public void ForwardStaysFiniteForLargeInputs()
    {
        float[] x = { 1000f, -1000f, 999f };
        var y = new float[3];
        Softmax.Forward<float>(x, y, 1, 3);
        Assert.Equal(1 / (1 + MathF.Exp(-1)), y[0], 1e-6f);
        Assert.Equal(0f, y[1]);
        Assert.Equal(1, y[0] + y[1] + y[2], 1e-6f);
    }

    [Fact]
    public void BackwardMatchesTheJacobianAndHonorsAccumulate()
    {
        var x = NaiveDense.Random(Batch * Features, 32);
        var dy = NaiveDense.Random(Batch * Features, 33);
        var y = new double[x.Length];
        Softmax.Forward<double>(x, y, Batch, Features);

        var expected = new double[x.Length];
        for (int b = 0; b < Batch; b++)
        {
            for (int i = 0; i < Features; i++)
            {
                for (int j = 0; j < Features; j++)
                {
                    double jacobian = y[b * Features + j] * ((i == j ? 1 : 0) - y[b * Features + i]);
                    expected[b * Features + i] += dy[b * Features + j] * jacobian;
                }
            }
        }

        var dx = new double[x.Length];
        Array.Fill(dx, 3.0);
        Softmax.Backward<double>(y, dy, dx, Batch, Features, accumulate: false);
        Assert.Equal(expected, dx, new ToleranceComparer(1e-15));

        Softmax.Backward<double>(y, dy, dx, Batch, Features, accumulate: true);
        Assert.Equal(Array.ConvertAll(expected, e => 2 * e), dx, new ToleranceComparer(1e-15));
    }
}
