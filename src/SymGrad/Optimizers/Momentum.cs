using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SymGrad;

/// <summary>
/// SGD with momentum, as <c>torch.optim.SGD(momentum=mu, dampening=0, nesterov=...)</c>:
/// <c>g' = g + weightDecay * p</c>; <c>v = mu * v + g'</c> (so the first step gives <c>v = g'</c>);
/// then <c>p = p - learningRate * (g' + mu * v)</c> with Nesterov, else <c>p = p - learningRate * v</c>.
/// </summary>
public sealed class Momentum : Optimizer
{
    private const int VelocityBuffer = 0;
    private readonly OptimizerState _state = new(1);

    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="momentum">The velocity's decay mu, in [0, 1); Nesterov needs mu &gt; 0 (as PyTorch).</param>
    /// <param name="nesterov">Use Nesterov's look-ahead form.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (&gt;= 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public Momentum(double learningRate, double momentum = 0.9, bool nesterov = false, double weightDecay = 0)
        : base(learningRate)
    {
        OptimizerChecks.DecayRate(momentum, nameof(momentum));
        if (nesterov && momentum == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum requires momentum > 0.");
        }
        OptimizerChecks.NonNegativeFinite(weightDecay, nameof(weightDecay));
        MomentumFactor = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    /// <summary>The velocity's decay mu.</summary>
    public double MomentumFactor { get; }

    /// <summary>Whether the update uses Nesterov's form <c>g' + mu * v</c>.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 coefficient added to the gradient, <c>g + weightDecay * p</c>.</summary>
    public double WeightDecay { get; }

    /// <summary>The velocity v (PyTorch's <c>momentum_buffer</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetVelocity<T>() where T : unmanaged => _state.View<T>(VelocityBuffer);

    internal override OptimizerState CheckpointState => _state;

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepCore(parameters, gradients);

    /// <inheritdoc/>
    public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => StepCore(parameters, gradients);

    private void StepCore<T>(Span<T> parameters, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(parameters.Length, gradients.Length);
        _state.Prepare<T>(parameters.Length);
        Span<T> velocity = _state.Buffer<T>(VelocityBuffer);
        T lr = T.CreateChecked(LearningRate);
        T mu = T.CreateChecked(MomentumFactor);
        T wd = T.CreateChecked(WeightDecay);

        // The buffer starts at zero, so mu * 0 + g' reproduces PyTorch's "first step: v = g'" exactly.
        var pv = MemoryMarshal.Cast<T, Vector<T>>(parameters);
        var gv = MemoryMarshal.Cast<T, Vector<T>>(gradients);
        var vv = MemoryMarshal.Cast<T, Vector<T>>(velocity);
        var lrV = new Vector<T>(lr);
        var muV = new Vector<T>(mu);
        var wdV = new Vector<T>(wd);
        for (int k = 0; k < pv.Length; k++)
        {
            var g = gv[k] + wdV * pv[k];
            var v = muV * vv[k] + g;
            vv[k] = v;
            pv[k] -= lrV * (Nesterov ? g + muV * v : v);
        }
        for (int i = pv.Length * Vector<T>.Count; i < parameters.Length; i++)
        {
            T g = gradients[i] + wd * parameters[i];
            T v = mu * velocity[i] + g;
            velocity[i] = v;
            parameters[i] -= lr * (Nesterov ? g + mu * v : v);
        }
        StepCount++;
    }
}
