using System;

namespace SymGrad;

// Row-wise softmax.
public sealed partial class Tensor
{
    /// <summary>
    /// Softmax over the columns of each row, shifted by the row maximum so that no e^t overflows.
    /// Backward: dx_j = y_j (dy_j - sum_k dy_k y_k) per row.
    /// </summary>
    public static Tensor Softmax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rows = x.Rows, columns = x.Columns;
        var y = new double[x.Length];
        for (int r = 0; r < rows; r++)
        {
            var row = x.Data.AsSpan(r * columns, columns);
            double max = double.NegativeInfinity;
            foreach (double v in row)
            {
                max = Math.Max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < columns; j++)
            {
                y[r * columns + j] = Math.Exp(row[j] - max);
                sum += y[r * columns + j];
            }
            for (int j = 0; j < columns; j++)
            {
                y[r * columns + j] /= sum;
            }
        }

        return Record(rows, columns, y, new[] { x }, result =>
        {
            if (x.Gradient is not { } dx)
            {
                return;
            }
            var dy = result.Gradient!;
            for (int r = 0; r < rows; r++)
            {
                double dot = 0;
                for (int k = 0; k < columns; k++)
                {
                    dot += dy[r * columns + k] * y[r * columns + k];
                }
                for (int j = 0; j < columns; j++)
                {
                    dx[r * columns + j] += y[r * columns + j] * (dy[r * columns + j] - dot);
                }
            }
        });
    }
}
