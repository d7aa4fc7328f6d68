using System;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>Elementwise.CopyColumns and AddToColumns (a slice of each row and its gradient) against index arithmetic written out here.</summary>
public class ColumnKernelTests
{
    [Theory]
    [InlineData(3, 10, 4, 3)]
    [InlineData(5, 128, 96, 32)]
    [InlineData(1, 7, 0, 7)]
    public void CopyColumnsAndAddToColumnsMoveTheBlock(int rows, int columns, int start, int width)
    {
        var random = new Random(rows * 1000 + columns);
        var x = new double[rows * columns + 2];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = random.NextDouble() - 0.5;
        }
        var y = new double[rows * width + 1];
        y[^1] = 42;
        Elementwise.CopyColumns<double>(x, columns, start, y, width, rows);
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < width; k++)
            {
                Assert.Equal(x[r * columns + start + k], y[r * width + k]);
            }
        }
        Assert.Equal(42, y[^1]);

        // The gradient adds into its block and leaves the other columns alone.
        var dx = (double[])x.Clone();
        Elementwise.AddToColumns<double>(y, dx, columns, start, width, rows);
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < columns; k++)
            {
                double expected = k >= start && k < start + width ? x[r * columns + k] + y[r * width + k - start] : x[r * columns + k];
                Assert.Equal(expected, dx[r * columns + k]);
            }
        }
    }

    [Fact]
    public void ABlockOutsideTheRowIsRejected()
    {
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => Elementwise.CopyColumns<float>(new float[40], 10, 8, new float[12], 3, 4)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Elementwise.CopyColumns<float>(new float[40], 10, 0, new float[11], 3, 4)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => Elementwise.AddToColumns<float>(new float[12], new float[39], 10, 0, 3, 4)).ParamName);
    }
}
