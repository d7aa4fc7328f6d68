using System;

namespace SymGrad.Benchmarks.Generic;

/// <summary>
/// A layer of the generic implementation, written the way a classic object-oriented framework is: the
/// network is a list of these, and each step calls <see cref="Forward"/> and <see cref="Backward"/>
/// through virtual dispatch with sizes known only at run time.
/// </summary>
public abstract class GenericLayer
{
    protected GenericLayer(int inputs, int outputs)
    {
        Inputs = inputs;
        Outputs = outputs;
    }

    public int Inputs { get; }
    public int Outputs { get; }

    /// <summary>Parameters this layer owns in the network's flat buffer (0 for an activation).</summary>
    public virtual int ParameterCount => 0;

    /// <summary>Binds the layer to its slice [offset, offset + ParameterCount) of the flat buffers.</summary>
    public virtual void Bind(float[] parameters, float[] gradients, int offset)
    {
    }

    /// <summary>Allocates whatever the layer keeps between forward and backward for up to <paramref name="maxBatch"/> rows (called once).</summary>
    public virtual void Reserve(int maxBatch)
    {
    }

    /// <summary>y = f(x) for <paramref name="batch"/> rows.</summary>
    public abstract void Forward(float[] x, float[] y, int batch);

    /// <summary>Adds parameter gradients and, when <paramref name="dx"/> is not null, writes dL/dx from dL/dy.</summary>
    public abstract void Backward(float[] x, float[] y, float[] dy, float[]? dx, int batch);
}

/// <summary>An element-wise activation with its derivative expressed through x and y.</summary>
public sealed class ActivationLayer : GenericLayer
{
    private readonly Func<float, float> _function;
    private readonly Func<float, float, float> _derivative;

    /// <param name="width">Features in and out.</param>
    /// <param name="function">f(x).</param>
    /// <param name="derivative">f'(x) given (x, y = f(x)).</param>
    public ActivationLayer(int width, Func<float, float> function, Func<float, float, float> derivative)
        : base(width, width)
    {
        _function = function;
        _derivative = derivative;
    }

    public static ActivationLayer Relu(int width) => new(width, v => v > 0f ? v : 0f, (x, _) => x > 0f ? 1f : 0f);
    public static ActivationLayer Sigmoid(int width) => new(width, v => 1f / (1f + MathF.Exp(-v)), (_, y) => y * (1f - y));
    public static ActivationLayer Tanh(int width) => new(width, MathF.Tanh, (_, y) => 1f - y * y);

    public override void Forward(float[] x, float[] y, int batch)
    {
        for (int k = 0; k < batch * Outputs; k++)
        {
            y[k] = _function(x[k]);
        }
    }

    public override void Backward(float[] x, float[] y, float[] dy, float[]? dx, int batch)
    {
        if (dx is null)
        {
            return;
        }
        for (int k = 0; k < batch * Outputs; k++)
        {
            dx[k] = dy[k] * _derivative(x[k], y[k]);
        }
    }
}
