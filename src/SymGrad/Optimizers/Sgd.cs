using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SymGrad;

/// <summary>
/// Plain stochastic gradient descent, as <c>torch.optim.SGD</c> with <c>momentum=0</c>:
/// <c>g' = g + weightDecay * p</c>, then <c>p = p - learningRate * g'</c>.
/// Stateless: any buffer length may be passed to any step.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (&gt;= 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public Sgd(double learningRate, double weightDecay = 0)
        : base(learningRate)
    {
        OptimizerChecks.NonNegativeFinite(weightDecay, nameof(weightDecay));
        WeightDecay = weightDecay;
    }

    /// <summary>The L2 coefficient added to the gradient, <c>g + weightDecay * p</c>.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepCore(parameters, gradients);

    /// <inheritdoc/>
    public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => StepCore(parameters, gradients);

    private void StepCore<T>(Span<T> parameters, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(parameters.Length, gradients.Length);
        T lr = T.CreateChecked(LearningRate);
        T wd = T.CreateChecked(WeightDecay);

        var pv = MemoryMarshal.Cast<T, Vector<T>>(parameters);
        var gv = MemoryMarshal.Cast<T, Vector<T>>(gradients);
        var lrV = new Vector<T>(lr);
        var wdV = new Vector<T>(wd);
        for (int k = 0; k < pv.Length; k++)
        {
            pv[k] -= lrV * (gv[k] + wdV * pv[k]);
        }
        for (int i = pv.Length * Vector<T>.Count; i < parameters.Length; i++)
        {
            parameters[i] -= lr * (gradients[i] + wd * parameters[i]);
        }
        StepCount++;
    }
}
