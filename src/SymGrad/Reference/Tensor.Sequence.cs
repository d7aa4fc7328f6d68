using System;

namespace SymGrad;

// Sequences: a sequence input of T steps of F features is a [batch, T * F] tensor, step t in
// columns [t F, (t + 1) F) of each row.
public sealed partial class Tensor
{
    /// <summary>
    /// Step <paramref name="t"/> of a sequence of <paramref name="features"/>-wide steps: columns
    /// [t * features, (t + 1) * features) of every row.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The step lies outside the tensor.</exception>
    public Tensor Step(int t, int features)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (t < 0 || (long)(t + 1) * features > Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t,
                $"Step {t} of {features} features lies outside a {Shape} tensor ({Columns / features} steps).");
        }
        return SliceColumns(this, t * features, features);
    }

    /// <summary>Columns [<paramref name="start"/>, start + <paramref name="width"/>) of every row; the gradient flows back into those columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The columns lie outside the tensor.</exception>
    public static Tensor SliceColumns(Tensor x, int start, int width)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (start < 0 || width <= 0 || (long)start + width > x.Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Columns [{start}, {start + width}) lie outside a {x.Shape} tensor.");
        }
        var y = new double[x.Rows * width];
        for (int n = 0; n < x.Rows; n++)
        {
            for (int j = 0; j < width; j++)
            {
                y[n * width + j] = x.Data[n * x.Columns + start + j];
            }
        }
        return Record(x.Rows, width, y, new[] { x }, result =>
        {
            for (int n = 0; n < x.Rows; n++)
            {
                for (int j = 0; j < width; j++)
                {
                    x.Gradient![n * x.Columns + start + j] += result.Gradient![n * width + j];
                }
            }
        });
    }

    /// <summary>A constant [rows, columns] tensor of zeros.</summary>
    public static Tensor Zeros(int rows, int columns)
    {
        ValidateShape(rows * columns, rows, columns, nameof(rows));
        return new Tensor(rows, columns, new double[rows * columns], false, Array.Empty<Tensor>(), null);
    }
}
