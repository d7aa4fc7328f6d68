using System;
using System.Collections.Generic;

namespace SymGrad.Benchmarks.Suite;

/// <summary>The three dense products of one layer shape, each timed alone through the public kernels.</summary>
public sealed class DenseProducts
{
    private readonly float[] _x, _w, _bias, _y, _dy, _dw, _db, _dx;

    public DenseProducts(int batch, int inputs, int outputs)
    {
        Batch = batch;
        Inputs = inputs;
        Outputs = outputs;
        var random = new Random(3);
        float[] Fill(int n)
        {
            var a = new float[n];
            for (int k = 0; k < n; k++)
            {
                a[k] = (float)(random.NextDouble() - 0.5);
            }
            return a;
        }
        _x = Fill(batch * inputs);
        _w = Fill(outputs * inputs);
        _bias = Fill(outputs);
        _y = new float[batch * outputs];
        _dy = Fill(batch * outputs);
        _dw = new float[outputs * inputs];
        _db = new float[outputs];
        _dx = new float[batch * inputs];
    }

    public int Batch { get; }
    public int Inputs { get; }
    public int Outputs { get; }
    public long FlopsPerProduct => 2L * Batch * Inputs * Outputs;
    public string Shape => $"{Batch}x{Inputs}->{Outputs}";

    public IEnumerable<(string Product, Action Run)> Products()
    {
        yield return ("forward Y = X W^T + b", () => Kernels.Dense.Forward<float>(_x, _w, _bias, _y, Batch, Inputs, Outputs));
        yield return ("weights dW += dY^T X", () => Kernels.Dense.BackwardWeights<float>(_dy, _x, _dw, _db, Batch, Inputs, Outputs));
        yield return ("input dX = dY W", () => Kernels.Dense.BackwardInput<float>(_dy, _w, _dx, Batch, Inputs, Outputs, accumulate: false));
    }
}
